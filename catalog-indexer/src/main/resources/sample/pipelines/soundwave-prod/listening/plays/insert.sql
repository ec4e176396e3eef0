-- Appends yesterday's plays to soundwave-prod.listening.plays (partitioned by play_date).
-- Runs daily at 08:30 CET; plays of unknown accounts or tracks are dropped.
INSERT INTO `soundwave-prod.listening.plays`
  (play_id, play_date, played_at, user_id, device_id, session_id, track_id, creator_id, country,
   platform, subscription_tier, ms_played, is_skipped, is_offline, source, client, ingested_at)
SELECT
  SUBSTR(e.event_id, 4) AS play_id,
  e.event_date AS play_date,
  TIMESTAMP_SUB(e.received_at, INTERVAL DIV(e.ms_played, 1000) SECOND) AS played_at,
  e.user_id,
  e.device_id,
  TO_HEX(SUBSTR(SHA256(CONCAT(e.user_id, CAST(e.event_date AS STRING))), 1, 6)) AS session_id,
  e.track_id,
  t.creator_id,
  u.country,
  d.platform,
  u.subscription_tier,
  e.ms_played,
  e.ms_played < 30000 AS is_skipped,
  e.offline AS is_offline,
  STRUCT(JSON_VALUE(e.payload, '$.source') AS type, CAST(NULL AS STRING) AS id) AS source,
  STRUCT(d.app_version AS app_version, IF(e.offline, 'offline', 'wifi') AS connection) AS client,
  e.received_at AS ingested_at
FROM `soundwave-raw.raw_events.play_events_raw` AS e
JOIN `soundwave-prod.users.user_accounts_current` AS u
  ON u.user_id = e.user_id
JOIN `soundwave-prod.catalog.track_metadata_current` AS t
  ON t.track_id = e.track_id
LEFT JOIN `soundwave-prod.users.user_devices` AS d
  ON d.device_id = e.device_id
WHERE e.event_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
