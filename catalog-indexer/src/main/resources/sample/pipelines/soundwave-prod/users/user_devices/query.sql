-- Full refresh of soundwave-prod.users.user_devices (destination from the folder layout):
-- one row per listener and app installation seen in the raw app events.
SELECT
  e.user_id,
  e.device.device_id AS device_id,
  ARRAY_AGG(e.device.advertising_id IGNORE NULLS ORDER BY e.event_ts DESC LIMIT 1)[SAFE_OFFSET(0)] AS advertising_id,
  ARRAY_AGG(
    (SELECT p.value FROM UNNEST(e.properties) AS p WHERE p.key = 'push_token')
    IGNORE NULLS ORDER BY e.event_ts DESC LIMIT 1)[SAFE_OFFSET(0)] AS push_token,
  ANY_VALUE(CASE
    WHEN e.device.os LIKE 'iOS%' THEN 'ios'
    WHEN e.device.os LIKE 'Android%' THEN 'android'
    WHEN e.device.os = 'web' THEN 'web'
    ELSE 'desktop'
  END) AS platform,
  ANY_VALUE(e.device.model) AS device_model,
  ANY_VALUE(e.device.os) AS os_version,
  ARRAY_AGG(e.device.app_version ORDER BY e.event_ts DESC LIMIT 1)[OFFSET(0)] AS app_version,
  MIN(e.event_ts) AS first_seen_at,
  MAX(e.event_ts) AS last_seen_at,
  ARRAY_AGG(e.client_ip ORDER BY e.event_ts DESC LIMIT 1)[OFFSET(0)] AS last_ip,
  MAX(e.event_ts) >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY) AS is_active
FROM `soundwave-raw.raw_events.app_events` AS e
WHERE e.user_id IS NOT NULL
GROUP BY e.user_id, device_id
