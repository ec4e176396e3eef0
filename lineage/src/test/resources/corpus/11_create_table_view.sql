-- CREATE [OR REPLACE] TABLE / VIEW / MATERIALIZED VIEW … AS, and plain DDL.

--! targets: p.mart.dim_user
--! sources: p.d.users
--! column: p.mart.dim_user.user_id <- p.d.users.user_id
--! column: p.mart.dim_user.country <- p.d.users.country
--! column: p.mart.dim_user.signup_date <- p.d.users.created_at
CREATE OR REPLACE TABLE mart.dim_user
PARTITION BY signup_date
CLUSTER BY country
OPTIONS (description = 'one row per user')
AS SELECT user_id, country, DATE(created_at) AS signup_date FROM users;

--! targets: p.mart.fct_orders
--! sources: p.d.orders
--! column: p.mart.fct_orders.order_id <- p.d.orders.order_id
--! column: p.mart.fct_orders.amount <- p.d.orders.amount
CREATE TABLE IF NOT EXISTS `p.mart.fct_orders` AS SELECT order_id, amount FROM orders;

--! targets: p.mart.empty_table
CREATE TABLE mart.empty_table (id INT64, name STRING, tags ARRAY<STRING>, meta STRUCT<a INT64, b STRING>);

--! targets: p.mart.v_orders
--! sources: p.d.orders
--! column: p.mart.v_orders.order_id <- p.d.orders.order_id
--! column: p.mart.v_orders.status <- p.d.orders.status
CREATE OR REPLACE VIEW mart.v_orders AS SELECT order_id, status FROM orders WHERE status != 'test';

--! targets: p.mart.mv_revenue
--! sources: p.d.orders
--! column: p.mart.mv_revenue.order_date <- p.d.orders.order_date
--! column: p.mart.mv_revenue.revenue <- p.d.orders.amount
CREATE MATERIALIZED VIEW mart.mv_revenue AS SELECT order_date, SUM(amount) AS revenue FROM orders GROUP BY order_date;

--! targets: other.reporting.v_users
--! sources: p.d.users
--! column: other.reporting.v_users.id <- p.d.users.user_id
CREATE VIEW IF NOT EXISTS `other.reporting.v_users` AS SELECT user_id AS id FROM p.d.users;

--! targets: p.mart.users_clone
--! sources: p.d.users
CREATE TABLE mart.users_clone CLONE d.users;

--! targets: p.mart.users_like
--! sources: p.d.users
CREATE TABLE mart.users_like LIKE d.users;

--! targets: p.mart.orders_copy
--! sources: p.d.orders
CREATE TABLE mart.orders_copy COPY d.orders;

--! targets: p.mart.joined
--! sources: p.d.orders, p.d.users, p.d.products
--! column: p.mart.joined.order_id <- p.d.orders.order_id
--! column: p.mart.joined.email <- p.d.users.email
--! column: p.mart.joined.product_names <- p.d.products.name
CREATE OR REPLACE TABLE mart.joined AS
SELECT o.order_id, u.email,
  ARRAY(SELECT pr.name FROM UNNEST(o.items) it JOIN products pr ON pr.sku = it.sku) AS product_names
FROM orders o JOIN users u ON u.user_id = o.user_id;

--! targets: p.mart.ext_files
CREATE EXTERNAL TABLE mart.ext_files OPTIONS (format = 'CSV', uris = ['gs://bucket/files/*.csv']);

--! targets: p.mart.v_sessions
--! sources: p.d.sessions
CREATE OR REPLACE VIEW mart.v_sessions (sid, uid) AS SELECT session_id, user_id FROM sessions;
