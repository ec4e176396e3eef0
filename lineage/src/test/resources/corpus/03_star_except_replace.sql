-- SELECT * with EXCEPT / REPLACE: expanded exactly with the schemas in schemas.json.

--! targets: p.mart.users_copy
--! sources: p.d.users
--! column: p.mart.users_copy.user_id <- p.d.users.user_id
--! column: p.mart.users_copy.email <- p.d.users.email
--! column: p.mart.users_copy.country <- p.d.users.country
--! column: p.mart.users_copy.created_at <- p.d.users.created_at
--! column: p.mart.users_copy.address <- p.d.users.address
CREATE TABLE mart.users_copy AS SELECT * FROM users;

--! targets: p.mart.users_public
--! sources: p.d.users
--! column: p.mart.users_public.user_id <- p.d.users.user_id
--! column: p.mart.users_public.country <- p.d.users.country
--! column: p.mart.users_public.created_at <- p.d.users.created_at
--! column: p.mart.users_public.address <- p.d.users.address
CREATE OR REPLACE TABLE mart.users_public AS SELECT * EXCEPT (email) FROM users;

--! targets: p.mart.users_masked
--! sources: p.d.users
--! column: p.mart.users_masked.user_id <- p.d.users.user_id
--! column: p.mart.users_masked.email <- p.d.users.email
--! column: p.mart.users_masked.country <- p.d.users.country
--! column: p.mart.users_masked.created_at <- p.d.users.created_at
--! column: p.mart.users_masked.address <- p.d.users.address
CREATE OR REPLACE VIEW mart.users_masked AS
SELECT * REPLACE (TO_HEX(SHA256(email)) AS email) FROM users;

--! sources: p.d.orders, p.d.users
--! column: order_id <- p.d.orders.order_id
--! column: user_id <- p.d.orders.user_id
--! column: amount <- p.d.orders.amount
--! column: country <- p.d.users.country
SELECT o.* EXCEPT (currency, order_date, status, items), u.country FROM orders o JOIN users u ON o.user_id = u.user_id;

--! sources: p.d.products
--! column: sku <- p.d.products.sku
--! column: name <- p.d.products.name
--! column: category <- p.d.products.category
--! column: price <- p.d.products.price
SELECT * REPLACE (ROUND(price, 2) AS price) FROM products;

--! targets: p.mart.events_copy
--! sources: p.d.events
CREATE TABLE mart.events_copy AS SELECT * FROM events;

--! sources: p.d.products
--! column: sku <- p.d.products.sku
--! column: category <- p.d.products.category
WITH p AS (SELECT * EXCEPT (name, price) FROM products)
SELECT * FROM p;

--! targets: p.mart.daily_revenue
--! sources: p.d.orders, p.d.users
--! column: p.mart.daily_revenue.day <- p.d.orders.order_date
--! column: p.mart.daily_revenue.country <- p.d.users.country
--! column: p.mart.daily_revenue.revenue <- p.d.orders.amount
--! column: p.mart.daily_revenue.orders <- p.d.orders.order_id
INSERT INTO mart.daily_revenue
SELECT o.order_date, u.country, SUM(o.amount), COUNT(o.order_id)
FROM orders o JOIN users u USING (user_id)
GROUP BY 1, 2;

--! targets: p.mart.daily_revenue
--! sources: p.staging.revenue
--! column: p.mart.daily_revenue.day <- p.staging.revenue.day
--! column: p.mart.daily_revenue.country <- p.staging.revenue.country
--! column: p.mart.daily_revenue.revenue <- p.staging.revenue.revenue
--! column: p.mart.daily_revenue.orders <- p.staging.revenue.orders
INSERT INTO mart.daily_revenue SELECT * FROM staging.revenue;

--! sources: p.d.users
--! column: user_id <- p.d.users.user_id
--! column: email <- p.d.users.email
--! column: country <- p.d.users.country
--! column: created_at <- p.d.users.created_at
--! column: address <- p.d.users.address
--! column: rn <- p.d.users.user_id, p.d.users.created_at
SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at DESC) AS rn FROM users;
