-- Records yesterday's e-mails from the mail service export in soundwave-prod.marketing.email_sends.
INSERT INTO `soundwave-prod.marketing.email_sends`
  (send_id, campaign_id, user_id, email, sent_at, template, email_opt_in, opened, clicked, unsubscribed, bounce_type)
SELECT
  GENERATE_UUID() AS send_id,
  c.campaign_id,
  u.user_id,
  u.email,
  CURRENT_TIMESTAMP() AS sent_at,
  CONCAT('campaign_', c.channel) AS template,
  u.email_opt_in,
  FALSE AS opened,
  FALSE AS clicked,
  FALSE AS unsubscribed,
  CAST(NULL AS STRING) AS bounce_type
FROM `soundwave-prod.marketing.campaigns` AS c
JOIN `soundwave-prod.users.user_accounts_current` AS u
  ON u.country IN UNNEST(c.target_countries)
WHERE c.channel = 'email'
  AND CURRENT_DATE() BETWEEN c.start_date AND c.end_date
  AND u.email_opt_in
