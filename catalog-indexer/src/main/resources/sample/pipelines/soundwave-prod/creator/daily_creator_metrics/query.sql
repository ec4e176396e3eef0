-- Destination: soundwave-prod.creator.daily_creator_metrics (from the folder layout), partition of
-- the previous day. One row per creator per day: plays and listeners from the plays fact, the
-- actions received from the raw app events (split by login state), and the creator's three most
-- played tracks with their listeners per country.
WITH day_plays AS (
  SELECT creator_id, track_id, country, user_id
  FROM `soundwave-prod.listening.plays`
  WHERE play_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
),
creator_totals AS (
  SELECT creator_id, COUNT(*) AS plays, COUNT(DISTINCT user_id) AS listeners
  FROM day_plays
  GROUP BY creator_id
),
track_country AS (
  SELECT creator_id, track_id, country, COUNT(*) AS plays, COUNT(DISTINCT user_id) AS listeners
  FROM day_plays
  GROUP BY creator_id, track_id, country
),
tracks AS (
  SELECT
    creator_id,
    track_id,
    SUM(plays) AS plays,
    SUM(listeners) AS listeners,
    ARRAY_AGG(STRUCT(country, listeners) ORDER BY listeners DESC, country) AS listener_countries
  FROM track_country
  GROUP BY creator_id, track_id
),
top_tracks AS (
  SELECT
    creator_id,
    ARRAY_AGG(STRUCT(track_id, plays, listeners, listener_countries) ORDER BY plays DESC, track_id LIMIT 3) AS top_tracks
  FROM tracks
  GROUP BY creator_id
),
actions AS (
  SELECT
    (SELECT p.value FROM UNNEST(e.properties) AS p WHERE p.key = 'creator_id') AS creator_id,
    e.user_id IS NOT NULL AS is_logged_in,
    e.event_name AS metric_name,
    COUNT(*) AS metric_value
  FROM `soundwave-raw.raw_events.app_events` AS e
  WHERE e.event_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
    AND e.event_name IN ('follow', 'save', 'share', 'profile_visit', 'add_to_playlist')
  GROUP BY creator_id, is_logged_in, metric_name
),
action_lists AS (
  SELECT
    creator_id,
    ARRAY_AGG(STRUCT(is_logged_in, metric_name, CAST(metric_value AS FLOAT64) AS metric_value)
      ORDER BY metric_name, is_logged_in DESC) AS actions_received,
    SUM(IF(metric_name = 'follow' AND is_logged_in, metric_value, 0)) AS followers_gained,
    SUM(IF(metric_name = 'save', metric_value, 0)) AS saves,
    SUM(IF(metric_name = 'add_to_playlist', metric_value, 0)) AS playlist_adds
  FROM actions
  GROUP BY creator_id
)
SELECT
  DATE_SUB(@run_date, INTERVAL 1 DAY) AS metric_date,
  c.creator_id,
  c.plays,
  c.listeners,
  IFNULL(a.followers_gained, 0) AS followers_gained,
  IFNULL(a.saves, 0) AS saves,
  IFNULL(a.playlist_adds, 0) AS playlist_adds,
  a.actions_received,
  t.top_tracks,
  CURRENT_TIMESTAMP() AS updated_at
FROM creator_totals AS c
LEFT JOIN action_lists AS a USING (creator_id)
LEFT JOIN top_tracks AS t USING (creator_id)
