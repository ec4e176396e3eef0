-- A multi-statement script with temp tables: temp tables are followed through to their real sources.

DECLARE run_date DATE DEFAULT CURRENT_DATE();

--! sources: p.d.orders
CREATE TEMP TABLE recent_orders AS
SELECT order_id, user_id, amount FROM orders WHERE order_date = run_date;

--! sources: p.d.users
CREATE TEMP TABLE user_country AS
SELECT user_id, country FROM users;

--! targets: p.mart.revenue_by_country
--! sources: p.d.orders, p.d.users
--! column: p.mart.revenue_by_country.day <-
--! column: p.mart.revenue_by_country.country <- p.d.users.country
--! column: p.mart.revenue_by_country.revenue <- p.d.orders.amount
INSERT INTO mart.revenue_by_country (day, country, revenue)
SELECT run_date, c.country, SUM(r.amount)
FROM recent_orders r JOIN user_country c USING (user_id)
GROUP BY 1, 2;

--! sources: p.d.refunds
INSERT INTO recent_orders (order_id, user_id, amount)
SELECT order_id, user_id, -amount FROM refunds WHERE refund_date = run_date;

--! targets: p.mart.net_revenue
--! sources: p.d.orders, p.d.refunds
--! column: p.mart.net_revenue.net <- p.d.orders.amount, p.d.refunds.amount
CREATE OR REPLACE TABLE mart.net_revenue AS SELECT SUM(amount) AS net FROM recent_orders;

DROP TABLE recent_orders;

CREATE TEMPORARY TABLE s (user_id STRING, sessions INT64);

--! sources: p.d.sessions
INSERT INTO s SELECT user_id, COUNT(*) FROM sessions GROUP BY 1;

--! targets: p.mart.user_sessions
--! sources: p.d.sessions, p.d.users
--! column: p.mart.user_sessions.user_id <- p.d.sessions.user_id
--! column: p.mart.user_sessions.country <- p.d.users.country
--! column: p.mart.user_sessions.sessions <-
CREATE OR REPLACE TABLE mart.user_sessions AS
SELECT s.user_id, uc.country, s.sessions FROM s JOIN user_country uc ON uc.user_id = s.user_id;

--! sources: p.d.orders
CREATE TEMP TABLE _SESSION.big_orders AS SELECT * FROM orders WHERE amount > 1000;

--! targets: p.mart.big_orders
--! sources: p.d.orders
--! column: p.mart.big_orders.order_id <- p.d.orders.order_id
--! column: p.mart.big_orders.amount <- p.d.orders.amount
CREATE OR REPLACE TABLE mart.big_orders AS SELECT order_id, amount FROM _SESSION.big_orders;
