-- Window functions and QUALIFY.

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: order_id <- p.d.orders.order_id
SELECT user_id, order_id FROM orders
QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY order_date DESC) = 1;

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: running_total <- p.d.orders.amount, p.d.orders.user_id, p.d.orders.order_date
SELECT user_id, SUM(amount) OVER (PARTITION BY user_id ORDER BY order_date) AS running_total FROM orders;

--! sources: p.d.sessions
--! column: user_id <- p.d.sessions.user_id
--! column: prev_start <- p.d.sessions.started_at, p.d.sessions.user_id
SELECT user_id, LAG(started_at) OVER (PARTITION BY user_id ORDER BY started_at) AS prev_start FROM sessions;

--! targets: p.mart.latest_user_state
--! sources: p.raw.user_changes
--! column: p.mart.latest_user_state.user_id <- p.raw.user_changes.user_id
--! column: p.mart.latest_user_state.plan <- p.raw.user_changes.plan
--! column: p.mart.latest_user_state.changed_at <- p.raw.user_changes.changed_at
CREATE OR REPLACE TABLE mart.latest_user_state AS
SELECT user_id, plan, changed_at
FROM raw.user_changes
WHERE TRUE
QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY changed_at DESC) = 1;

--! sources: p.d.products
--! column: sku <- p.d.products.sku
--! column: price_rank <- p.d.products.category, p.d.products.price
SELECT sku, RANK() OVER w AS price_rank FROM products WINDOW w AS (PARTITION BY category ORDER BY price DESC);

--! sources: p.d.orders
--! column: order_date <- p.d.orders.order_date
--! column: avg_7d <- p.d.orders.amount, p.d.orders.order_date
SELECT order_date, AVG(amount) OVER (ORDER BY order_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg_7d FROM orders;

--! sources: p.d.sessions
--! column: user_id <- p.d.sessions.user_id
--! column: first_device <- p.d.sessions.device, p.d.sessions.user_id, p.d.sessions.started_at
SELECT DISTINCT user_id,
  FIRST_VALUE(device) OVER (PARTITION BY user_id ORDER BY started_at) AS first_device
FROM sessions;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: share <- p.d.orders.amount, p.d.orders.user_id
SELECT order_id, amount / SUM(amount) OVER (PARTITION BY user_id) AS share FROM orders;

--! sources: p.d.page_views
--! column: session_id <- p.d.page_views.session_id
--! column: url <- p.d.page_views.url
SELECT session_id, url FROM page_views
WHERE url IS NOT NULL
QUALIFY COUNT(*) OVER (PARTITION BY session_id) > 1;

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: bucket <- p.d.orders.amount
SELECT user_id, NTILE(4) OVER (ORDER BY amount) AS bucket FROM orders;
