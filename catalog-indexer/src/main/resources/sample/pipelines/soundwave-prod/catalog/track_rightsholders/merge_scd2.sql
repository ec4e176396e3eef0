-- Pipeline: soundwave-prod.catalog.track_rightsholders (SCD type 2, entity key
-- track_id, territory, rights_type). Multi-statement script run daily at 04:30 CET: stages the
-- day's rights feed in a temporary table, closes assignments that changed hands and inserts the
-- new assignments.
DECLARE run_date DATE DEFAULT DATE_SUB(CURRENT_DATE('Europe/Berlin'), INTERVAL 1 DAY);

CREATE TEMP TABLE feed AS
SELECT
  tm.track_id,
  f.territory,
  f.rights_type,
  rh.rightsholder_id,
  CAST(f.share_pct / 100 AS NUMERIC) AS royalty_share,
  f.start_date,
  f.source_file,
  f.received_at
FROM `soundwave-raw.raw_partner.rights_feed` AS f
JOIN `soundwave-prod.catalog.track_metadata` AS tm
  ON tm.isrc = f.isrc AND tm.is_current
JOIN `soundwave-prod.royalties.rightsholders` AS rh
  ON rh.name = f.rightsholder_name
WHERE DATE(f.received_at) = run_date;

UPDATE `soundwave-prod.catalog.track_rightsholders` AS r
SET valid_to = feed.start_date, is_current = FALSE
FROM feed
WHERE r.track_id = feed.track_id
  AND r.territory = feed.territory
  AND r.rights_type = feed.rights_type
  AND r.is_current
  AND r.rightsholder_id != feed.rightsholder_id;

INSERT INTO `soundwave-prod.catalog.track_rightsholders`
  (track_id, territory, rights_type, valid_from, valid_to, is_current, rightsholder_id,
   royalty_share, agreement, loaded_at)
SELECT
  feed.track_id,
  feed.territory,
  feed.rights_type,
  feed.start_date,
  DATE '2060-01-01',
  TRUE,
  feed.rightsholder_id,
  feed.royalty_share,
  STRUCT(CAST(NULL AS STRING) AS agreement_id, DATE(feed.received_at) AS signed_on,
         feed.source_file AS source_feed),
  CURRENT_TIMESTAMP()
FROM feed
LEFT JOIN `soundwave-prod.catalog.track_rightsholders` AS cur
  ON cur.track_id = feed.track_id
  AND cur.territory = feed.territory
  AND cur.rights_type = feed.rights_type
  AND cur.is_current
WHERE cur.track_id IS NULL;
