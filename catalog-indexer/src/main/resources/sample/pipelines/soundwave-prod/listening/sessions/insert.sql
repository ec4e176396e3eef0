-- Appends yesterday's listening sessions to soundwave-prod.listening.sessions, with the session's
-- plays and events as repeated records.
INSERT INTO `soundwave-prod.listening.sessions`
  (session_id, session_date, user_id, device, started_at, ended_at, play_count, total_ms_played, events, plays)
SELECT
  p.session_id,
  MIN(p.play_date) AS session_date,
  ANY_VALUE(p.user_id) AS user_id,
  STRUCT(
    ANY_VALUE(p.device_id) AS device_id,
    ANY_VALUE(p.platform) AS platform,
    ANY_VALUE(p.client.app_version) AS app_version) AS device,
  MIN(p.played_at) AS started_at,
  TIMESTAMP_ADD(MAX(p.played_at), INTERVAL DIV(MAX(p.ms_played), 1000) SECOND) AS ended_at,
  COUNT(*) AS play_count,
  SUM(p.ms_played) AS total_ms_played,
  ARRAY_AGG(STRUCT(
      IF(p.is_skipped, 'skip', 'play_complete') AS event_type,
      p.played_at AS event_ts,
      STRUCT(p.source.type AS screen, 'tracklist_row' AS element) AS context)
    ORDER BY p.played_at) AS events,
  ARRAY_AGG(STRUCT(p.track_id, p.played_at, p.ms_played) ORDER BY p.played_at) AS plays
FROM `soundwave-prod.listening.plays` AS p
WHERE p.play_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
  AND p.user_id IS NOT NULL
GROUP BY p.session_id
