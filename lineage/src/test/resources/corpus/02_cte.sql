-- WITH clauses: CTE names are never tables; columns are followed through CTEs.

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: total <- p.d.orders.amount
WITH per_user AS (
  SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id
)
SELECT user_id, total FROM per_user WHERE total > 100;

--! sources: p.d.orders, p.d.users
--! column: country <- p.d.users.country
--! column: revenue <- p.d.orders.amount
WITH o AS (SELECT user_id, amount FROM orders),
     u AS (SELECT user_id, country FROM users)
SELECT u.country, SUM(o.amount) AS revenue
FROM o JOIN u ON o.user_id = u.user_id
GROUP BY u.country;

--! sources: p.d.events
--! column: event_name <- p.d.events.event_name
--! column: n <-
WITH e1 AS (SELECT * FROM events WHERE event_date = CURRENT_DATE()),
     e2 AS (SELECT event_name FROM e1)
SELECT event_name, COUNT(*) AS n FROM e2 GROUP BY 1;

--! targets: p.mart.user_totals
--! sources: p.d.orders
--! column: p.mart.user_totals.user_id <- p.d.orders.user_id
--! column: p.mart.user_totals.orders <- p.d.orders.order_id
--! column: p.mart.user_totals.first_order <- p.d.orders.order_date
CREATE OR REPLACE TABLE mart.user_totals AS
WITH base AS (
  SELECT user_id, order_id, order_date FROM orders WHERE status = 'complete'
)
SELECT user_id, COUNT(order_id) AS orders, MIN(order_date) AS first_order FROM base GROUP BY user_id;

--! sources: p.d.sessions
--! column: user_id <- p.d.sessions.user_id
--! column: sessions <- p.d.sessions.session_id
WITH sessions AS (SELECT user_id, session_id FROM p.d.sessions)
SELECT user_id, COUNT(session_id) AS sessions FROM sessions GROUP BY user_id;

--! sources: p.d.employees
--! column: id <- p.d.employees.id
--! column: manager_id <- p.d.employees.manager_id
WITH RECURSIVE chain AS (
  SELECT id, manager_id FROM employees WHERE manager_id IS NULL
  UNION ALL
  SELECT e.id, e.manager_id FROM employees e JOIN chain c ON e.manager_id = c.id
)
SELECT id, manager_id FROM chain;

--! sources: p.d.orders, p.d.refunds
WITH paid AS (SELECT order_id FROM orders),
     refunded AS (SELECT order_id FROM refunds)
SELECT order_id FROM paid WHERE order_id NOT IN (SELECT order_id FROM refunded);

--! targets: p.d.v_active
--! sources: p.d.users, p.d.sessions
--! column: p.d.v_active.user_id <- p.d.users.user_id
--! column: p.d.v_active.last_seen <- p.d.sessions.started_at
CREATE VIEW v_active AS
WITH last AS (SELECT user_id, MAX(started_at) AS last_seen FROM sessions GROUP BY user_id)
SELECT u.user_id, l.last_seen FROM users u JOIN last l USING (user_id);

--! sources: p.d.a, p.d.b
WITH x AS (SELECT id FROM a), y AS (SELECT id FROM b), z AS (SELECT id FROM x UNION ALL SELECT id FROM y)
SELECT COUNT(*) FROM z;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
WITH orders AS (SELECT order_id FROM d.orders WHERE amount > 0) SELECT order_id FROM orders;
