-- UNNEST, STRUCT and ARRAY: a correlated array is not a table; nested paths are kept.

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: sku <- p.d.orders.items.sku
--! column: qty <- p.d.orders.items.qty
SELECT o.order_id, item.sku, item.qty FROM orders o, UNNEST(o.items) AS item;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: line_total <- p.d.orders.items.qty, p.d.orders.items.price
SELECT order_id, i.qty * i.price AS line_total FROM orders CROSS JOIN UNNEST(items) AS i;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: sku <- p.d.orders.items.sku
--! column: pos <-
SELECT o.order_id, it.sku, pos FROM orders AS o, o.items AS it WITH OFFSET AS pos;

--! sources: p.analytics.events_raw
--! column: event_name <- p.analytics.events_raw.event_name
--! column: page <- p.analytics.events_raw.event_params.value.string_value
SELECT event_name,
  (SELECT ep.value.string_value FROM UNNEST(event_params) ep WHERE ep.key = 'page_location') AS page
FROM analytics.events_raw;

--! sources: p.analytics.events_raw
--! column: user_pseudo_id <- p.analytics.events_raw.user_pseudo_id
--! column: param_key <- p.analytics.events_raw.event_params.key
SELECT user_pseudo_id, p.key AS param_key FROM analytics.events_raw LEFT JOIN UNNEST(event_params) AS p;

--! column: d <-
SELECT d FROM UNNEST(GENERATE_DATE_ARRAY('2024-01-01', '2024-01-31')) AS d;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: skus <- p.d.orders.items.sku
SELECT order_id, ARRAY(SELECT x.sku FROM UNNEST(items) x ORDER BY x.sku) AS skus FROM orders;

--! sources: p.d.users
--! column: user.id <- p.d.users.user_id
--! column: user.email <- p.d.users.email
--! column: tags <- p.d.users.country
SELECT STRUCT(user_id AS id, email) AS user, [country, 'all'] AS tags FROM users;

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: order_ids <- p.d.orders.order_id, p.d.orders.order_date
SELECT user_id, ARRAY_AGG(order_id ORDER BY order_date) AS order_ids FROM orders GROUP BY user_id;

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: first_sku <- p.d.orders.items.sku
SELECT user_id, items[SAFE_OFFSET(0)].sku AS first_sku FROM orders;

--! targets: p.mart.order_lines
--! sources: p.d.orders, p.d.products
--! column: p.mart.order_lines.order_id <- p.d.orders.order_id
--! column: p.mart.order_lines.sku <- p.d.orders.items.sku
--! column: p.mart.order_lines.category <- p.d.products.category
--! column: p.mart.order_lines.revenue <- p.d.orders.items.qty, p.d.orders.items.price
CREATE OR REPLACE TABLE mart.order_lines AS
SELECT o.order_id, line.sku, pr.category, line.qty * line.price AS revenue
FROM orders o
CROSS JOIN UNNEST(o.items) AS line
JOIN products pr ON pr.sku = line.sku;

--! sources: p.d.users
--! column: k <- p.d.users.user_id
SELECT k FROM users, UNNEST([user_id]) AS k;
