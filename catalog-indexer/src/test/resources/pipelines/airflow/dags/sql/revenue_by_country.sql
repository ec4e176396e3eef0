SELECT
  c.country,
  SUM(d.revenue) AS revenue_eur
FROM `acme-prod.mart.daily_orders` AS d
JOIN `acme-prod.crm.customers` AS c USING (customer_id)
WHERE d.revenue > {{ params.min_amount }}
GROUP BY c.country
