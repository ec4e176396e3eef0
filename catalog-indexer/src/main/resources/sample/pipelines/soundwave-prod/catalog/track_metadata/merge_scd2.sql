-- Pipeline: soundwave-prod.catalog.track_metadata (SCD type 2, entity key track_id).
-- Runs daily at 04:00 CET after the DDEX ingestion. For every track whose attributes changed in
-- yesterday's deliveries it closes the open version (valid_to = delivery day, is_current = FALSE)
-- and inserts the new version with valid_to = 2060-01-01. New tracks get their first version.
MERGE `soundwave-prod.catalog.track_metadata` AS target
USING (
  WITH latest AS (
    SELECT
      d.delivery_id,
      d.isrc,
      d.track_title,
      d.version_title,
      d.genre,
      d.parental_warning = 'Explicit' AS is_explicit,
      d.release_date,
      d.received_at
    FROM `soundwave-raw.raw_partner.label_deliveries` AS d
    WHERE DATE(d.received_at) = DATE_SUB(@run_date, INTERVAL 1 DAY)
    QUALIFY ROW_NUMBER() OVER (PARTITION BY d.isrc ORDER BY d.received_at DESC) = 1
  ),
  changes AS (
    SELECT
      COALESCE(cur.track_id, CONCAT('tr_', SUBSTR(TO_HEX(SHA256(l.isrc)), 1, 6))) AS track_id,
      cur.track_id IS NOT NULL AS is_update,
      l.delivery_id,
      l.isrc,
      l.track_title,
      l.version_title,
      l.genre,
      l.is_explicit,
      l.release_date,
      l.received_at,
      cur.creator_id,
      cur.album_id,
      cur.language,
      cur.duration_ms,
      cur.audio_features,
      cur.availability
    FROM latest AS l
    LEFT JOIN `soundwave-prod.catalog.track_metadata` AS cur
      ON cur.isrc = l.isrc AND cur.is_current
    WHERE cur.track_id IS NULL
      OR cur.title != l.track_title
      OR IFNULL(cur.version_title, '') != IFNULL(l.version_title, '')
      OR cur.genre != l.genre
      OR cur.is_explicit != l.is_explicit
  )
  -- one row closes the open version (merge_key = track_id), one row inserts the new version
  SELECT c.track_id AS merge_key, c.* FROM changes AS c WHERE c.is_update
  UNION ALL
  SELECT CAST(NULL AS STRING) AS merge_key, c.* FROM changes AS c
) AS source
ON target.track_id = source.merge_key AND target.is_current
WHEN MATCHED THEN
  UPDATE SET valid_to = DATE(source.received_at), is_current = FALSE
WHEN NOT MATCHED THEN
  INSERT (track_id, valid_from, valid_to, is_current, isrc, title, version_title, creator_id, album_id,
          genre, language, duration_ms, is_explicit, release_date, audio_features, availability,
          change_reason, record_source, loaded_at)
  VALUES (source.track_id, DATE(source.received_at), DATE '2060-01-01', TRUE, source.isrc,
          source.track_title, source.version_title, source.creator_id, source.album_id, source.genre,
          source.language, source.duration_ms, source.is_explicit, source.release_date,
          source.audio_features, source.availability,
          IF(source.is_update, 'delivery update', 'initial delivery'), source.delivery_id,
          CURRENT_TIMESTAMP())
