-- Constructs as third-party BigQuery pipelines write them (modelled on mozilla/bigquery-etl, Google Analytics 4
-- exports as the dbt-ga4 package reads them, and GoogleCloudPlatform/bigquery-utils scripts); the expectations
-- follow BigQuery's semantics, not the analyser. Tables here have no schema unless schemas.json lists them.

-- An unaliased UNNEST of an array of STRUCTs exposes the element's fields as columns.
--! sources: p.telemetry.main
--! column: client_id <- p.telemetry.main.client_id
--! column: searches <- p.telemetry.main.search_counts.count
SELECT client_id, (SELECT SUM(count) FROM UNNEST(search_counts)) AS searches FROM telemetry.main;

-- GA4 event parameters: a key/value array read with a scalar subquery per parameter.
--! sources: p.analytics_123.events_*
--! column: event_date <- p.analytics_123.events_*.event_date
--! column: event_name <- p.analytics_123.events_*.event_name
--! column: page_location <- p.analytics_123.events_*.event_params.value.string_value
SELECT
  event_date,
  event_name,
  (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'page_location') AS page_location
FROM `analytics_123.events_*`
WHERE _TABLE_SUFFIX BETWEEN '20240101' AND '20240131';

--! targets: p.ga4.sessions
--! sources: p.analytics_123.events_*
--! column: p.ga4.sessions.session_key <- p.analytics_123.events_*.user_pseudo_id, p.analytics_123.events_*.event_params.value.int_value
--! column: p.ga4.sessions.first_event_at <- p.analytics_123.events_*.event_timestamp
--! column: p.ga4.sessions.page_views <- p.analytics_123.events_*.event_name
CREATE OR REPLACE TABLE ga4.sessions AS
SELECT
  CONCAT(user_pseudo_id, CAST((SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'ga_session_id') AS STRING)) AS session_key,
  MIN(TIMESTAMP_MICROS(event_timestamp)) AS first_event_at,
  COUNTIF(event_name = 'page_view') AS page_views
FROM `analytics_123.events_*`
GROUP BY session_key;

-- GA4 items: a correlated UNNEST with an alias.
--! targets: p.ga4.item_revenue
--! sources: p.analytics_123.events_*
--! column: p.ga4.item_revenue.item_id <- p.analytics_123.events_*.items.item_id
--! column: p.ga4.item_revenue.revenue <- p.analytics_123.events_*.items.price, p.analytics_123.events_*.items.quantity
INSERT INTO ga4.item_revenue (item_id, revenue)
SELECT item.item_id, SUM(item.price * item.quantity)
FROM `analytics_123.events_*`, UNNEST(items) AS item
WHERE event_name = 'purchase'
GROUP BY 1;

-- A nested STRUCT built in the select list is written field by field.
--! targets: p.ga4.events_flat
--! sources: p.analytics_123.events_20240101
--! column: p.ga4.events_flat.event_name <- p.analytics_123.events_20240101.event_name
--! column: p.ga4.events_flat.context.category <- p.analytics_123.events_20240101.device.category
--! column: p.ga4.events_flat.context.geo.country <- p.analytics_123.events_20240101.geo.country
--! column: p.ga4.events_flat.context.geo.city <- p.analytics_123.events_20240101.geo.city
CREATE OR REPLACE TABLE ga4.events_flat AS
SELECT
  event_name,
  STRUCT(device.category AS category, STRUCT(geo.country AS country, geo.city AS city) AS geo) AS context
FROM analytics_123.events_20240101;

-- ARRAY_AGG of a STRUCT: an array of records whose fields keep their own sources.
--! sources: p.analytics_123.events_20240101
--! column: user_pseudo_id <- p.analytics_123.events_20240101.user_pseudo_id
--! column: purchases.id <- p.analytics_123.events_20240101.ecommerce.transaction_id
--! column: purchases.value <- p.analytics_123.events_20240101.ecommerce.purchase_revenue
SELECT
  user_pseudo_id,
  ARRAY_AGG(STRUCT(ecommerce.transaction_id AS id, ecommerce.purchase_revenue AS value)) AS purchases
FROM analytics_123.events_20240101
GROUP BY user_pseudo_id;

-- A STRUCT built in a CTE, one of its fields read later: only that field's source.
--! sources: p.telemetry.clients_daily
--! column: os <- p.telemetry.clients_daily.os_name
WITH client AS (
  SELECT STRUCT(os_name AS os, os_version AS version) AS platform FROM telemetry.clients_daily
)
SELECT platform.os AS os FROM client;

-- ARRAY(SELECT AS STRUCT …) over the element of an array.
--! sources: p.telemetry.metrics
--! column: client_id <- p.telemetry.metrics.client_id
--! column: addons.id <- p.telemetry.metrics.addons.addon_id
--! column: addons.version <- p.telemetry.metrics.addons.version
SELECT
  client_id,
  ARRAY(SELECT AS STRUCT a.addon_id AS id, a.version FROM UNNEST(addons) AS a) AS addons
FROM telemetry.metrics;

-- * REPLACE with an ARRAY(SELECT AS STRUCT …) over an unaliased UNNEST of records built by ARRAY_AGG.
--! sources: p.telemetry.clients_summary
--! column: client_id <- p.telemetry.clients_summary.client_id
--! column: map_sum_aggregates.map <- p.telemetry.clients_summary.histogram
WITH aggregates AS (
  SELECT client_id, ARRAY_AGG(STRUCT(histogram AS agg)) AS map_sum_aggregates
  FROM telemetry.clients_summary
  GROUP BY client_id
)
SELECT
  * REPLACE (
    ARRAY(SELECT AS STRUCT mozfun.map.sum(agg) AS map FROM UNNEST(map_sum_aggregates)) AS map_sum_aggregates
  )
FROM aggregates;

-- Lambdas: the parameter is an element of the array.
--! sources: p.shop.orders
--! column: order_id <- p.shop.orders.order_id
--! column: skus <- p.shop.orders.line_items.sku
--! column: shipped <- p.shop.orders.line_items, p.shop.orders.line_items.quantity
SELECT
  order_id,
  ARRAY_TRANSFORM(line_items, li -> UPPER(li.sku)) AS skus,
  ARRAY_FILTER(line_items, li -> li.quantity > 0) AS shipped
FROM shop.orders;

-- Persistent UDFs (mozfun.*) are functions, not tables.
--! targets: p.telemetry_derived.events_flat
--! sources: p.telemetry.events
--! column: p.telemetry_derived.events_flat.submission_date <- p.telemetry.events.submission_date
--! column: p.telemetry_derived.events_flat.source <- p.telemetry.events.event_map_values
CREATE OR REPLACE TABLE telemetry_derived.events_flat AS
SELECT submission_date, mozfun.map.get_key(event_map_values, 'source') AS source
FROM telemetry.events;

-- Deduplication with QUALIFY ROW_NUMBER().
--! targets: p.d.clients_last
--! sources: p.telemetry.clients_daily
--! column: p.d.clients_last.client_id <- p.telemetry.clients_daily.client_id
--! column: p.d.clients_last.country <- p.telemetry.clients_daily.country
CREATE OR REPLACE TABLE clients_last AS
SELECT client_id, country
FROM telemetry.clients_daily
WHERE submission_date = @submission_date
QUALIFY ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY submission_timestamp DESC) = 1;

-- The "last seen" pattern: today's CTE full-joined to yesterday's row, bits shifted.
--! sources: p.telemetry.clients_daily, p.telemetry_derived.clients_last_seen
--! column: client_id <- p.telemetry.clients_daily.client_id, p.telemetry_derived.clients_last_seen.client_id
--! column: days_seen_bits <- p.telemetry_derived.clients_last_seen.days_seen_bits
WITH _current AS (
  SELECT client_id, 1 AS days_seen_bits FROM telemetry.clients_daily WHERE submission_date = @submission_date
),
_previous AS (
  SELECT client_id, days_seen_bits
  FROM telemetry_derived.clients_last_seen
  WHERE submission_date = DATE_SUB(@submission_date, INTERVAL 1 DAY)
)
SELECT
  @submission_date AS submission_date,
  COALESCE(_current.client_id, _previous.client_id) AS client_id,
  udf.combine_bits(_previous.days_seen_bits, _current.days_seen_bits) AS days_seen_bits
FROM _current
FULL JOIN _previous
  ON _current.client_id = _previous.client_id;

-- Array element access by offset after SPLIT.
--! sources: p.telemetry.clients_daily
--! column: client_id <- p.telemetry.clients_daily.client_id
--! column: major <- p.telemetry.clients_daily.app_version
SELECT client_id, SAFE_CAST(SPLIT(app_version, '.')[SAFE_OFFSET(0)] AS INT64) AS major
FROM telemetry.clients_daily;

-- Latest value per key with ARRAY_AGG … ORDER BY … LIMIT 1.
--! sources: p.telemetry.clients_daily
--! column: client_id <- p.telemetry.clients_daily.client_id
--! column: last_country <- p.telemetry.clients_daily.country, p.telemetry.clients_daily.submission_date
SELECT
  client_id,
  ARRAY_AGG(country IGNORE NULLS ORDER BY submission_date DESC LIMIT 1)[SAFE_OFFSET(0)] AS last_country
FROM telemetry.clients_daily
GROUP BY client_id;

-- Nested record paths in the source.
--! sources: p.fenix.metrics_v1
--! column: client_id <- p.fenix.metrics_v1.client_info.client_id
--! column: searches <- p.fenix.metrics_v1.metrics.counter.search_count
--! column: channel <- p.fenix.metrics_v1.client_info.app_channel
SELECT
  client_info.client_id,
  metrics.counter.search_count AS searches,
  client_info.app_channel AS channel
FROM fenix.metrics_v1
WHERE DATE(submission_timestamp) = @submission_date;

-- UNPIVOT of conversion flags.
--! sources: p.ads.gclid_conversions
--! column: gclid <- p.ads.gclid_conversions.gclid
--! column: conversion_name <-
--! column: did_conversion <- p.ads.gclid_conversions.did_first_run, p.ads.gclid_conversions.did_search, p.ads.gclid_conversions.did_click_ad
SELECT gclid, conversion_name, did_conversion
FROM ads.gclid_conversions
UNPIVOT (did_conversion FOR conversion_name IN (did_first_run, did_search, did_click_ad));

-- JSON extraction from a payload column.
--! targets: p.accounts_derived.events
--! sources: p.accounts.raw_events
--! column: p.accounts_derived.events.event_type <- p.accounts.raw_events.payload
--! column: p.accounts_derived.events.uid <- p.accounts.raw_events.payload
--! column: p.accounts_derived.events.logged_at <- p.accounts.raw_events.timestamp
INSERT INTO accounts_derived.events (event_type, uid, logged_at)
SELECT JSON_VALUE(payload, '$.event'), TO_HEX(SHA256(JSON_VALUE(payload, '$.uid'))), `timestamp`
FROM accounts.raw_events;

-- Job history from INFORMATION_SCHEMA (bigquery-utils style cost report).
--! sources: region-us.INFORMATION_SCHEMA.JOBS
--! column: project_id <- region-us.INFORMATION_SCHEMA.JOBS.project_id
--! column: user_email <- region-us.INFORMATION_SCHEMA.JOBS.user_email
--! column: cost_usd <- region-us.INFORMATION_SCHEMA.JOBS.total_bytes_billed
SELECT project_id, user_email, SUM(total_bytes_billed) / POW(1024, 4) * 6.25 AS cost_usd
FROM `region-us`.INFORMATION_SCHEMA.JOBS
WHERE creation_time > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY) AND job_type = 'QUERY'
GROUP BY project_id, user_email;

-- A script: variable, temp table from job history, then a real table from the temp table.
DECLARE num_days INT64 DEFAULT 30;

--! sources: region-us.INFORMATION_SCHEMA.JOBS
CREATE TEMP TABLE recent_jobs AS
SELECT project_id, job_id, total_slot_ms
FROM `region-us`.INFORMATION_SCHEMA.JOBS
WHERE DATE(creation_time) >= CURRENT_DATE() - num_days;

--! targets: p.optimization.slot_usage
--! sources: region-us.INFORMATION_SCHEMA.JOBS
--! column: p.optimization.slot_usage.project_id <- region-us.INFORMATION_SCHEMA.JOBS.project_id
--! column: p.optimization.slot_usage.slot_seconds <- region-us.INFORMATION_SCHEMA.JOBS.total_slot_ms
CREATE OR REPLACE TABLE optimization.slot_usage AS
SELECT project_id, SUM(total_slot_ms) / 1000 AS slot_seconds
FROM recent_jobs
GROUP BY project_id;

-- MERGE that upserts a dimension from a staging table.
--! targets: p.crm.customers
--! sources: p.crm_staging.customers_delta
--! column: p.crm.customers.email <- p.crm_staging.customers_delta.email
--! column: p.crm.customers.updated_at <- p.crm_staging.customers_delta.updated_at
--! column: p.crm.customers.customer_id <- p.crm_staging.customers_delta.customer_id
MERGE crm.customers T
USING crm_staging.customers_delta S
ON T.customer_id = S.customer_id
WHEN MATCHED AND S.updated_at > T.updated_at THEN
  UPDATE SET email = S.email, updated_at = S.updated_at
WHEN NOT MATCHED THEN
  INSERT (customer_id, email, updated_at) VALUES (S.customer_id, S.email, S.updated_at);

-- DELETE of the rows of users who asked for deletion.
--! targets: p.telemetry_derived.clients_daily
--! sources: p.telemetry.deletion_request
DELETE FROM telemetry_derived.clients_daily
WHERE client_id IN (SELECT client_info.client_id FROM telemetry.deletion_request);

-- A partitioned, clustered table created from a join.
--! targets: p.mart.daily_orders
--! sources: p.shop.orders, p.shop.customers
--! column: p.mart.daily_orders.order_date <- p.shop.orders.created_at
--! column: p.mart.daily_orders.country <- p.shop.customers.country
--! column: p.mart.daily_orders.orders <- p.shop.orders.order_id
--! column: p.mart.daily_orders.revenue <- p.shop.orders.total
CREATE TABLE IF NOT EXISTS mart.daily_orders
PARTITION BY order_date
CLUSTER BY country
AS
SELECT DATE(o.created_at) AS order_date, c.country, COUNT(DISTINCT o.order_id) AS orders, SUM(o.total) AS revenue
FROM shop.orders AS o
LEFT JOIN shop.customers AS c ON o.customer_id = c.customer_id
GROUP BY 1, 2;

-- A view over a UNION ALL of two apps' tables.
--! targets: p.mobile.baseline
--! sources: p.fenix.baseline, p.firefox_ios.baseline
--! column: p.mobile.baseline.app <-
--! column: p.mobile.baseline.client_id <- p.fenix.baseline.client_info.client_id, p.firefox_ios.baseline.client_info.client_id
--! column: p.mobile.baseline.submission_date <- p.fenix.baseline.submission_timestamp, p.firefox_ios.baseline.submission_timestamp
CREATE OR REPLACE VIEW mobile.baseline AS
SELECT 'fenix' AS app, client_info.client_id, DATE(submission_timestamp) AS submission_date FROM fenix.baseline
UNION ALL
SELECT 'firefox_ios' AS app, client_info.client_id, DATE(submission_timestamp) AS submission_date FROM firefox_ios.baseline;

-- DATE_DIFF and DATE_TRUNC: date parts are not columns.
--! sources: p.shop.subscriptions
--! column: customer_id <- p.shop.subscriptions.customer_id
--! column: month <- p.shop.subscriptions.started_at
--! column: days_active <- p.shop.subscriptions.ended_at, p.shop.subscriptions.started_at
SELECT
  customer_id,
  DATE_TRUNC(started_at, MONTH) AS month,
  DATE_DIFF(COALESCE(ended_at, CURRENT_DATE()), started_at, DAY) AS days_active
FROM shop.subscriptions;

-- A CASE over several columns, and a window average.
--! sources: p.shop.orders
--! column: order_id <- p.shop.orders.order_id
--! column: size <- p.shop.orders.total, p.shop.orders.currency
--! column: avg_customer_total <- p.shop.orders.total, p.shop.orders.customer_id
SELECT
  order_id,
  CASE WHEN currency = 'EUR' AND total > 100 THEN 'large' WHEN total > 20 THEN 'medium' ELSE 'small' END AS size,
  AVG(total) OVER (PARTITION BY customer_id) AS avg_customer_total
FROM shop.orders;

-- LEFT JOIN UNNEST keeps rows without elements; the element's fields are nested paths.
--! sources: p.shop.orders
--! column: order_id <- p.shop.orders.order_id
--! column: discount_code <- p.shop.orders.discounts.code
--! column: discount_amount <- p.shop.orders.discounts.amount
SELECT o.order_id, d.code AS discount_code, d.amount AS discount_amount
FROM shop.orders AS o
LEFT JOIN UNNEST(o.discounts) AS d;

-- A scalar subquery over another table, correlated on a key.
--! sources: p.shop.customers, p.shop.orders
--! column: customer_id <- p.shop.customers.customer_id
--! column: lifetime_value <- p.shop.orders.total
SELECT
  c.customer_id,
  (SELECT SUM(o.total) FROM shop.orders AS o WHERE o.customer_id = c.customer_id) AS lifetime_value
FROM shop.customers AS c;

-- SELECT * EXCEPT over a CTE whose columns are known.
--! targets: p.mart.customers_public
--! sources: p.shop.customers
--! column: p.mart.customers_public.customer_id <- p.shop.customers.customer_id
--! column: p.mart.customers_public.country <- p.shop.customers.country
CREATE OR REPLACE TABLE mart.customers_public AS
WITH base AS (SELECT customer_id, email, country FROM shop.customers)
SELECT * EXCEPT (email) FROM base;

-- A temp JavaScript function applied to a column.
CREATE TEMP FUNCTION normalize_os(os STRING) RETURNS STRING LANGUAGE js AS r"""
  return os ? os.toLowerCase() : null;
""";

--! targets: p.telemetry_derived.os_counts
--! sources: p.telemetry.clients_daily
--! column: p.telemetry_derived.os_counts.os <- p.telemetry.clients_daily.os
--! column: p.telemetry_derived.os_counts.clients <- p.telemetry.clients_daily.client_id
INSERT INTO telemetry_derived.os_counts (os, clients)
SELECT normalize_os(os), COUNT(DISTINCT client_id) FROM telemetry.clients_daily GROUP BY 1;

-- An INSERT of literal rows reads no table.
--! targets: p.static.country_codes
INSERT INTO static.country_codes (code, name) VALUES ('DE', 'Germany'), ('FR', 'France');

-- A STRUCT computed by a UDF, expanded with s.* REPLACE (…), then its fields selected by name
-- (mozilla/bigquery-etl's in-app-purchase receipts).
--! sources: p.firestore.iap_raw
--! column: document_id <- p.firestore.iap_raw.document_id
--! column: user_id <- p.firestore.iap_raw.data
--! column: last_expiry <- p.firestore.iap_raw.data
WITH receipts AS (
  SELECT document_id, mozfun.iap.parse_android_receipt(data) AS receipt FROM firestore.iap_raw
),
events AS (
  SELECT document_id, receipt.* REPLACE (TO_HEX(SHA256(receipt.user_id)) AS user_id) FROM receipts
)
SELECT document_id, MAX(user_id) AS user_id, MAX(expiry_time) AS last_expiry FROM events GROUP BY document_id;

-- A record column of a table without schema, flattened with .* and read by field name.
--! sources: p.billing.subscriptions
--! column: id <- p.billing.subscriptions.id
--! column: plan <- p.billing.subscriptions.details.plan
WITH flat AS (SELECT id, details.* FROM billing.subscriptions)
SELECT id, plan FROM flat;
