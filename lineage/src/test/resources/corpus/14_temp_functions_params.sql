-- Temp functions, @parameters and script variables are not columns.

CREATE TEMP FUNCTION clean_email(e STRING) AS (LOWER(TRIM(e)));

--! sources: p.d.users
--! column: email <- p.d.users.email
SELECT clean_email(email) AS email FROM users;

CREATE TEMP FUNCTION add_tax(x NUMERIC, rate NUMERIC) RETURNS NUMERIC AS (x * (1 + rate));

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: gross <- p.d.orders.amount
SELECT order_id, add_tax(amount, @vat_rate) AS gross FROM orders WHERE order_date BETWEEN @start_date AND @end_date;

--! sources: p.ref.countries
CREATE TEMP FUNCTION country_name(code STRING) AS ((SELECT name FROM ref.countries WHERE iso2 = code));

--! sources: p.d.users, p.ref.countries
--! column: user_id <- p.d.users.user_id
--! column: country_name <- p.d.users.country
SELECT user_id, country_name(country) AS country_name FROM users;

CREATE TEMP FUNCTION parse_ua(ua STRING) RETURNS STRING LANGUAGE js AS r"""
  return ua.split('/')[0];
""";

--! sources: p.d.sessions
--! column: browser <- p.d.sessions.user_agent
SELECT parse_ua(user_agent) AS browser FROM sessions;

DECLARE min_amount NUMERIC DEFAULT 10;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
SELECT order_id FROM orders WHERE amount > min_amount;

--! targets: p.mart.param_load
--! sources: p.d.events
--! column: p.mart.param_load.event_date <-
--! column: p.mart.param_load.event_name <- p.d.events.event_name
INSERT INTO mart.param_load (event_date, event_name)
SELECT @run_date, event_name FROM events WHERE event_date = @run_date;

--! sources: p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: total <- p.d.orders.items.qty, p.d.orders.items.price
SELECT order_id, (SELECT SUM(i.qty * i.price) FROM UNNEST(items) AS i) AS total FROM orders;

--! sources: p.d.orders
--! column: tags <- p.d.orders.items.sku
SELECT ARRAY_TRANSFORM(items, it -> it.sku) AS tags FROM orders;

CREATE OR REPLACE FUNCTION udf.normalize(s STRING) AS (REGEXP_REPLACE(LOWER(s), r'\s+', ' '));
