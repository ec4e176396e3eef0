-- INSERT with and without column lists, VALUES, and INSERT … SELECT over joins.

--! targets: p.mart.user_country
--! sources: p.d.users
--! column: p.mart.user_country.id <- p.d.users.user_id
--! column: p.mart.user_country.country_code <- p.d.users.country
INSERT INTO mart.user_country (id, country_code) SELECT user_id, UPPER(country) FROM users;

--! targets: p.mart.audit
INSERT INTO mart.audit (event, logged_at) VALUES ('load', CURRENT_TIMESTAMP()), ('check', CURRENT_TIMESTAMP());

--! targets: p.mart.orders_enriched
--! sources: p.d.orders, p.d.users
--! column: p.mart.orders_enriched.order_id <- p.d.orders.order_id
--! column: p.mart.orders_enriched.country <- p.d.users.country
--! column: p.mart.orders_enriched.amount_eur <- p.d.orders.amount, p.d.orders.currency
INSERT INTO `p.mart.orders_enriched` (order_id, country, amount_eur)
SELECT o.order_id, u.country, IF(o.currency = 'EUR', o.amount, o.amount * 0.9)
FROM orders o LEFT JOIN users u ON u.user_id = o.user_id
WHERE o.order_date = @run_date;

--! targets: p.mart.sessions_daily
--! sources: p.d.sessions
--! column: p.mart.sessions_daily.day <- p.d.sessions.started_at
--! column: p.mart.sessions_daily.sessions <- p.d.sessions.session_id
INSERT mart.sessions_daily (day, sessions)
SELECT DATE(started_at), COUNT(session_id) FROM sessions GROUP BY 1;

--! targets: p.mart.top_products
--! sources: p.d.orders, p.d.products
--! column: p.mart.top_products.sku <- p.d.products.sku
--! column: p.mart.top_products.units <- p.d.orders.items.qty
INSERT INTO mart.top_products (sku, units)
WITH lines AS (SELECT i.sku, i.qty FROM orders, UNNEST(items) i)
SELECT p.sku, SUM(l.qty) FROM lines l JOIN products p ON p.sku = l.sku GROUP BY p.sku;

--! targets: p.mart.new_users
--! sources: p.d.users, p.mart.new_users
--! column: p.mart.new_users.user_id <- p.d.users.user_id
--! column: p.mart.new_users.signup_day <- p.d.users.created_at
INSERT INTO mart.new_users (user_id, signup_day)
SELECT user_id, DATE(created_at) FROM users
WHERE user_id NOT IN (SELECT user_id FROM mart.new_users);

--! targets: p.mart.kpi
--! sources: p.d.orders
--! column: p.mart.kpi.name <-
--! column: p.mart.kpi.value <- p.d.orders.amount
INSERT INTO mart.kpi (name, value) SELECT 'revenue', SUM(amount) FROM orders;

--! targets: p.mart.event_counts
--! sources: p.d.events
--! column: p.mart.event_counts.event_name <- p.d.events.event_name
--! column: p.mart.event_counts.cnt <-
INSERT INTO mart.event_counts SELECT event_name, COUNT(*) AS cnt FROM events GROUP BY event_name;

--! targets: p.mart.snapshot
--! sources: p.d.inventory
INSERT INTO mart.snapshot SELECT * FROM inventory;

--! targets: p.mart.flags
--! sources: p.d.users, p.d.orders
--! column: p.mart.flags.user_id <- p.d.users.user_id
--! column: p.mart.flags.has_orders <- p.d.orders.user_id, p.d.users.user_id
INSERT INTO mart.flags (user_id, has_orders)
SELECT u.user_id, EXISTS(SELECT 1 FROM orders o WHERE o.user_id = u.user_id) FROM users u;
