-- Set operations and subqueries in FROM, WHERE and SELECT.

--! sources: p.d.web_users, p.d.app_users
--! column: user_id <- p.d.web_users.user_id, p.d.app_users.id
SELECT user_id FROM web_users UNION DISTINCT SELECT id FROM app_users;

--! targets: p.mart.all_events
--! sources: p.d.web_events, p.d.app_events
--! column: p.mart.all_events.event_id <- p.d.web_events.id, p.d.app_events.event_id
--! column: p.mart.all_events.source <-
CREATE OR REPLACE TABLE mart.all_events AS
SELECT id AS event_id, 'web' AS source FROM web_events
UNION ALL
SELECT event_id, 'app' FROM app_events;

--! sources: p.d.customers, p.d.blocked
--! column: customer_id <- p.d.customers.customer_id
SELECT customer_id FROM customers EXCEPT DISTINCT SELECT customer_id FROM blocked;

--! sources: p.d.a_ids, p.d.b_ids
--! column: id <- p.d.a_ids.id, p.d.b_ids.id
SELECT id FROM a_ids INTERSECT DISTINCT SELECT id FROM b_ids;

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: avg_amount <- p.d.orders.amount
SELECT user_id, avg_amount FROM (SELECT user_id, AVG(amount) AS avg_amount FROM orders GROUP BY user_id) t
WHERE avg_amount > 50;

--! sources: p.d.orders, p.d.users
--! column: order_id <- p.d.orders.order_id
--! column: user_email <- p.d.users.email
SELECT order_id, (SELECT email FROM users u WHERE u.user_id = o.user_id) AS user_email FROM orders o;

--! sources: p.d.users, p.d.orders
--! column: user_id <- p.d.users.user_id
SELECT user_id FROM users WHERE user_id IN (SELECT user_id FROM orders WHERE amount > 100);

--! sources: p.d.users, p.d.orders
--! column: user_id <- p.d.users.user_id
SELECT u.user_id FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.user_id);

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: above_avg <- p.d.orders.amount
SELECT order_id, amount > (SELECT AVG(amount) FROM orders) AS above_avg FROM orders;

--! targets: p.mart.dedup
--! sources: p.raw.events
--! column: p.mart.dedup.event_id <- p.raw.events.event_id
--! column: p.mart.dedup.payload <- p.raw.events.payload
CREATE OR REPLACE TABLE mart.dedup AS
SELECT event_id, payload FROM (
  SELECT event_id, payload, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY ingested_at DESC) AS rn
  FROM raw.events
) WHERE rn = 1;

--! sources: p.d.t1, p.d.t2, p.d.t3
SELECT x FROM t1 UNION ALL (SELECT x FROM t2 UNION DISTINCT SELECT x FROM t3);
