-- Builds the campaign audiences uploaded to advertising platforms. Identifiers leave the EU only
-- as SHA-256 hashes (pseudonymous personal data). See marketing-audiences.md.
CREATE OR REPLACE TABLE `soundwave-prod.marketing.campaign_audiences`
OPTIONS (expiration_timestamp = TIMESTAMP '2025-03-31 00:00:00 UTC')
AS
SELECT
  CONCAT('aud_', FORMAT('%06d', ROW_NUMBER() OVER (ORDER BY c.campaign_id, u.user_id))) AS audience_id,
  c.campaign_id,
  TO_HEX(SHA256(CONCAT(u.user_id, ':sw-mkt-salt-2024'))) AS user_id_sha256,
  TO_HEX(SHA256(LOWER(u.email))) AS email_sha256,
  u.country,
  CASE
    WHEN u.subscription_tier = 'free' THEN 'engaged_free'
    WHEN u.subscription_tier = 'student' THEN 'student_eligible'
    WHEN u.subscription_tier = 'family' THEN 'family_eligible'
    ELSE 'lapsed_premium'
  END AS segment,
  CURRENT_TIMESTAMP() AS added_at
FROM `soundwave-prod.marketing.campaigns` AS c
JOIN `soundwave-prod.users.user_accounts_current` AS u
  ON u.country IN UNNEST(c.target_countries)
WHERE CURRENT_DATE() BETWEEN c.start_date AND c.end_date
  AND u.email_opt_in
