-- Destination: soundwave-prod.listening.daily_track_streams (from the folder layout), written to
-- the partition of the previous day with WRITE_TRUNCATE.
SELECT
  p.play_date AS stream_date,
  p.track_id,
  p.creator_id,
  COUNT(*) AS streams,
  COUNT(DISTINCT p.user_id) AS unique_listeners,
  COUNTIF(p.is_skipped) AS skips,
  SUM(p.ms_played) AS total_ms_played,
  STRUCT(
    COUNTIF(p.platform = 'ios') AS ios,
    COUNTIF(p.platform = 'android') AS android,
    COUNTIF(p.platform = 'web') AS web,
    COUNTIF(p.platform = 'desktop') AS desktop) AS platform_breakdown
FROM `soundwave-prod.listening.plays` AS p
WHERE p.play_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
GROUP BY stream_date, p.track_id, p.creator_id
