-- Rebuilds soundwave-prod.users.subscriptions every night from the account history and the
-- SEPA direct debits in the raw payment events.
CREATE OR REPLACE TABLE `soundwave-prod.users.subscriptions`
CLUSTER BY user_id
AS
WITH periods AS (
  SELECT user_id, subscription_tier AS plan, MIN(valid_from) AS started, MAX(valid_to) AS ended
  FROM `soundwave-prod.users.user_accounts`
  WHERE subscription_tier IN ('premium', 'family', 'student')
  GROUP BY user_id, plan
),
mandates AS (
  SELECT
    user_id,
    ARRAY_AGG(STRUCT(iban, billing.name AS account_holder, event_date) ORDER BY event_ts DESC LIMIT 1)[OFFSET(0)] AS last_debit
  FROM `soundwave-raw.raw_events.payment_events`
  WHERE method = 'sepa_direct_debit'
  GROUP BY user_id
)
SELECT
  CONCAT('sub_', FORMAT('%07d', ROW_NUMBER() OVER (ORDER BY p.user_id, p.started))) AS subscription_id,
  p.user_id,
  p.plan,
  IF(p.ended < DATE '2060-01-01', 'cancelled', 'active') AS status,
  TIMESTAMP(p.started) AS started_at,
  IF(p.ended < DATE '2060-01-01', TIMESTAMP(p.ended), NULL) AS ended_at,
  a.country AS billing_country,
  CASE p.plan WHEN 'premium' THEN NUMERIC '10.99' WHEN 'family' THEN NUMERIC '17.99' ELSE NUMERIC '5.99' END AS monthly_price_eur,
  FALSE AS is_trial,
  CAST(NULL AS STRING) AS cancel_reason,
  IF(m.user_id IS NULL, NULL,
     STRUCT(CONCAT('SWM-', p.user_id) AS mandate_id, m.last_debit.iban AS iban,
            m.last_debit.account_holder AS account_holder, m.last_debit.event_date AS signed_on)) AS sepa_mandate,
  IF(m.user_id IS NULL, 'card', 'sepa_direct_debit') AS payment_method
FROM periods AS p
JOIN `soundwave-prod.users.user_accounts` AS a
  ON a.user_id = p.user_id AND a.is_current
LEFT JOIN mandates AS m
  ON m.user_id = p.user_id
