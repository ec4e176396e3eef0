-- Destination: soundwave-prod.support.tickets (from the folder layout). Daily full refresh of the
-- tickets from the Zendesk export, matched to listener accounts by e-mail address.
SELECT
  CONCAT('TCK-', CAST(100000 + DIV(z.id - 4000000, 13) AS STRING)) AS ticket_id,
  z.created_at,
  z.updated_at,
  u.user_id,
  z.via_channel AS channel,
  IF(REGEXP_CONTAINS(z.description, r'(?i)hallo|bitte'), 'de', 'en') AS language,
  z.subject,
  z.description AS body,
  z.requester.email AS requester_email,
  z.requester.phone AS requester_phone,
  STRUCT(
    CONCAT('ag_', CAST(MOD((SELECT MAX(c.author_id) FROM UNNEST(z.comments) AS c), 1000) + 100 AS STRING)) AS agent_id,
    CAST(NULL AS STRING) AS display_name,
    CAST(NULL AS STRING) AS team) AS agent,
  IF(z.satisfaction_rating = 'unoffered', 'open', 'solved') AS status,
  'normal' AS priority,
  CAST(NULL AS INT64) AS satisfaction_score,
  z.tags,
  ARRAY(
    SELECT AS STRUCT c.created_at AS sent_at, IF(c.author_id >= 361000000, 'agent', 'customer') AS author_role, c.body
    FROM UNNEST(z.comments) AS c
    WHERE c.public
    ORDER BY c.created_at) AS messages,
  FALSE AS contains_attachment
FROM `soundwave-raw.raw_support.zendesk_tickets` AS z
LEFT JOIN `soundwave-prod.users.user_accounts_current` AS u
  ON LOWER(u.email) = LOWER(z.requester.email)
