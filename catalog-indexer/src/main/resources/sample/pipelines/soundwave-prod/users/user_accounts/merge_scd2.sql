-- Pipeline: soundwave-prod.users.user_accounts (SCD type 2, entity key user_id, gaps not allowed).
-- Runs daily at 03:30 CET. New sign-ups and re-submitted profiles from the raw events become new
-- versions; the previous version is closed on the day the new one starts, so versions never leave
-- a gap. Deleted accounts (is_deleted) are never reopened. Erasure: gdpr/erase_user.sql.
MERGE `soundwave-prod.users.user_accounts` AS target
USING (
  WITH changes AS (
    SELECT
      s.user_id,
      DATE(s.event_ts) AS change_date,
      s.email,
      s.email_opt_in,
      s.first_name,
      s.last_name,
      s.birth_date,
      s.phone_number,
      s.postcode,
      s.country,
      s.signup_ip,
      s.ip_country
    FROM `soundwave-raw.raw_events.signup_events` AS s
    WHERE s.event_date = DATE_SUB(@run_date, INTERVAL 1 DAY)
    QUALIFY ROW_NUMBER() OVER (PARTITION BY s.user_id ORDER BY s.event_ts DESC) = 1
  )
  SELECT c.user_id AS merge_key, c.* FROM changes AS c
  UNION ALL
  SELECT CAST(NULL AS STRING) AS merge_key, c.* FROM changes AS c
) AS source
ON target.user_id = source.merge_key AND target.is_current
WHEN MATCHED AND NOT target.is_deleted THEN
  UPDATE SET valid_to = source.change_date, is_current = FALSE
WHEN NOT MATCHED BY TARGET THEN
  INSERT (user_id, valid_from, valid_to, is_current, is_deleted, email, email_verified, email_opt_in,
          first_name, last_name, display_name, birth_date, phone_number, address, country,
          preferred_language, subscription_tier, signup_date, signup_ip, ip_country, change_reason,
          loaded_at)
  VALUES (source.user_id, source.change_date, DATE '2060-01-01', TRUE, FALSE, source.email, FALSE,
          source.email_opt_in, source.first_name, source.last_name,
          CONCAT(source.first_name, ' ', SUBSTR(source.last_name, 1, 1), '.'), source.birth_date,
          source.phone_number,
          STRUCT(CAST(NULL AS STRING) AS street, source.postcode AS postcode,
                 CAST(NULL AS STRING) AS city, source.country AS country),
          source.country, 'en', 'free', source.change_date, source.signup_ip, source.ip_country,
          'signup', CURRENT_TIMESTAMP())
