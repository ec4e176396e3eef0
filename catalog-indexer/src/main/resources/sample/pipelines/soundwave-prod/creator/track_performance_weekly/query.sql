-- Destination: soundwave-prod.creator.track_performance_weekly (from the folder layout).
-- Runs Mondays at 11:00 CET for the week that ended the day before.
WITH weekly AS (
  SELECT
    DATE_TRUNC(p.play_date, WEEK(MONDAY)) AS week_start,
    p.track_id,
    p.creator_id,
    p.country,
    COUNT(*) AS plays,
    COUNT(DISTINCT p.user_id) AS listeners,
    COUNTIF(p.is_skipped) AS skips,
    SUM(p.ms_played) AS ms_played
  FROM `soundwave-prod.listening.plays` AS p
  WHERE p.play_date BETWEEN DATE_SUB(@run_date, INTERVAL 7 DAY) AND DATE_SUB(@run_date, INTERVAL 1 DAY)
  GROUP BY week_start, p.track_id, p.creator_id, p.country
)
SELECT
  week_start,
  track_id,
  creator_id,
  SUM(plays) AS plays,
  SUM(listeners) AS listeners,
  CAST(NULL AS INT64) AS saves,
  ROUND(SUM(skips) / SUM(plays), 4) AS skip_rate,
  ROUND(SUM(ms_played) / SUM(plays), 1) AS avg_ms_played,
  ARRAY_AGG(STRUCT(country, plays) ORDER BY plays DESC, country) AS countries
FROM weekly
GROUP BY week_start, track_id, creator_id
