-- Monthly royalties run (see royalties-process.md): rebuilds soundwave-prod.royalties.royalty_report_monthly
-- on the 5th of each month. Every play of at least 30 seconds is matched to the track version and
-- the rights assignment valid on the play date, and priced with the rate card of its territory and plan.
CREATE OR REPLACE TABLE `soundwave-prod.royalties.royalty_report_monthly`
PARTITION BY DATE_TRUNC(royalty_month, MONTH)
CLUSTER BY rightsholder_id, territory
AS
SELECT
  DATE_TRUNC(p.play_date, MONTH) AS royalty_month,
  p.country AS territory,
  r.rightsholder_id,
  r.rights_type,
  p.track_id,
  tm.isrc,
  tm.title AS track_title,
  p.creator_id,
  COUNT(*) AS royalty_bearing_plays,
  r.royalty_share,
  CAST(SUM(rc.per_stream_rate_eur * r.royalty_share) AS NUMERIC) AS royalty_eur,
  'EUR' AS currency,
  CURRENT_TIMESTAMP() AS calculated_at
FROM `soundwave-prod.listening.plays` AS p
JOIN `soundwave-prod.catalog.track_metadata` AS tm
  ON tm.track_id = p.track_id
  AND p.play_date >= tm.valid_from AND p.play_date < tm.valid_to
JOIN `soundwave-prod.catalog.track_rightsholders` AS r
  ON r.track_id = p.track_id
  AND r.territory = p.country
  AND p.play_date >= r.valid_from AND p.play_date < r.valid_to
JOIN `soundwave-prod.royalties.rate_cards` AS rc
  ON rc.territory = p.country
  AND rc.plan = p.subscription_tier
  AND p.play_date >= rc.valid_from AND p.play_date < rc.valid_to
WHERE p.play_date >= '2024-01-01'
  AND p.ms_played >= 30000
GROUP BY royalty_month, territory, r.rightsholder_id, r.rights_type, p.track_id, tm.isrc,
  track_title, p.creator_id, r.royalty_share
