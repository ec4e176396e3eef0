SELECT
  d.*,
  c.country
FROM `acme-prod.mart.daily_orders` AS d
JOIN `acme-prod.crm.customers` AS c USING (customer_id)
