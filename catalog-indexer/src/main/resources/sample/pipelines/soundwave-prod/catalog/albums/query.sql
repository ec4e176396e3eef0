-- Full refresh of soundwave-prod.catalog.albums from all label deliveries. The destination comes
-- from the folder layout {project}/{dataset}/{table}/query.sql.
SELECT
  CONCAT('al_', SUBSTR(TO_HEX(SHA256(d.upc)), 1, 5)) AS album_id,
  d.upc,
  ANY_VALUE(d.release_title) AS title,
  LOWER(ANY_VALUE(d.release_type)) AS album_type,
  ANY_VALUE(tm.creator_id) AS creator_id,
  ANY_VALUE(d.sender_party_name) AS label_name,
  MIN(d.release_date) AS release_date,
  COUNT(DISTINCT d.isrc) AS total_tracks,
  ARRAY_AGG(DISTINCT d.genre IGNORE NULLS) AS genres,
  STRUCT(
    CONCAT('https://images.soundwave.example/cover/al_', SUBSTR(TO_HEX(SHA256(d.upc)), 1, 5), '.jpg') AS url,
    640 AS width,
    640 AS height) AS cover_art,
  STRUCT(
    CONCAT('© ', CAST(EXTRACT(YEAR FROM MIN(d.release_date)) AS STRING), ' ', ANY_VALUE(d.sender_party_name)) AS c_line,
    CONCAT('℗ ', CAST(EXTRACT(YEAR FROM MIN(d.release_date)) AS STRING), ' ', ANY_VALUE(d.sender_party_name)) AS p_line) AS copyright,
  CURRENT_TIMESTAMP() AS loaded_at
FROM `soundwave-raw.raw_partner.label_deliveries` AS d
LEFT JOIN `soundwave-prod.catalog.track_metadata` AS tm
  ON tm.isrc = d.isrc AND tm.is_current
GROUP BY d.upc
