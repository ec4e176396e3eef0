-- DROP, ALTER TABLE … RENAME TO, RENAME and other DDL.

--! targets: p.mart.old_table
DROP TABLE mart.old_table;

--! targets: p.mart.v_old
DROP VIEW IF EXISTS mart.v_old;

--! targets: p.mart.orders_v2
--! sources: p.mart.orders_tmp
ALTER TABLE mart.orders_tmp RENAME TO orders_v2;

--! targets: p.mart.users_new
--! sources: p.mart.users_old
ALTER TABLE IF EXISTS `p.mart.users_old` RENAME TO users_new;

--! targets: p.mart.events
ALTER TABLE mart.events ADD COLUMN IF NOT EXISTS source STRING;

--! targets: p.mart.events
ALTER TABLE mart.events SET OPTIONS (description = 'events');

--! targets: p.mart.mv_old
DROP MATERIALIZED VIEW mart.mv_old;

DROP FUNCTION IF EXISTS udf.old_fn;

CREATE SCHEMA IF NOT EXISTS mart_eu OPTIONS (location = 'EU');

--! targets: p.staging.load_target
LOAD DATA INTO staging.load_target FROM FILES (format = 'PARQUET', uris = ['gs://b/x/*.parquet']);

--! sources: p.mart.dim_user
EXPORT DATA OPTIONS (uri = 'gs://b/export/*.csv', format = 'CSV') AS SELECT user_id, country FROM mart.dim_user;

--! targets: p.mart.sessions_2023
DROP TABLE IF EXISTS `p.mart.sessions_2023`;
