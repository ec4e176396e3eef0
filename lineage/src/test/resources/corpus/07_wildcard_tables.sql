-- Wildcard tables with _TABLE_SUFFIX are kept as such.

--! sources: p.analytics_123.events_*
--! column: event_name <- p.analytics_123.events_*.event_name
--! column: n <-
SELECT event_name, COUNT(*) AS n
FROM `p.analytics_123.events_*`
WHERE _TABLE_SUFFIX BETWEEN '20240101' AND '20240131'
GROUP BY event_name;

--! sources: p.analytics_123.events_*
--! column: day <- p.analytics_123.events_*._TABLE_SUFFIX
--! column: users <- p.analytics_123.events_*.user_pseudo_id
SELECT PARSE_DATE('%Y%m%d', _TABLE_SUFFIX) AS day, COUNT(DISTINCT user_pseudo_id) AS users
FROM analytics_123.`events_*`
WHERE _TABLE_SUFFIX >= FORMAT_DATE('%Y%m%d', DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY))
GROUP BY day;

--! targets: p.mart.ga_daily
--! sources: p.analytics_123.events_*
--! column: p.mart.ga_daily.event_date <- p.analytics_123.events_*.event_date
--! column: p.mart.ga_daily.platform <- p.analytics_123.events_*.platform
--! column: p.mart.ga_daily.events <-
INSERT INTO mart.ga_daily (event_date, platform, events)
SELECT event_date, platform, COUNT(*) FROM `analytics_123.events_*`
WHERE _TABLE_SUFFIX = FORMAT_DATE('%Y%m%d', @run_date)
GROUP BY 1, 2;

--! sources: p.analytics_123.events_intraday_*, p.analytics_123.events_*
SELECT user_pseudo_id FROM `analytics_123.events_intraday_*`
UNION ALL
SELECT user_pseudo_id FROM `analytics_123.events_*` WHERE _TABLE_SUFFIX = '20240101';

--! sources: bigquery-public-data.noaa_gsod.gsod*
--! column: max_temp <- bigquery-public-data.noaa_gsod.gsod*.temp
SELECT MAX(temp) AS max_temp FROM `bigquery-public-data.noaa_gsod.gsod*` WHERE _TABLE_SUFFIX BETWEEN '1990' AND '1999';

--! targets: p.mart.ga_sessions_last_month
--! sources: p.ga.ga_sessions_*
CREATE OR REPLACE TABLE mart.ga_sessions_last_month AS
SELECT * FROM `ga.ga_sessions_*` WHERE _TABLE_SUFFIX LIKE '202401%';
