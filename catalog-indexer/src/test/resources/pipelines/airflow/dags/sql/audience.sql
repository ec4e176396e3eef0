-- Customers to target: high spenders in the last 90 days.
CREATE OR REPLACE TABLE audience_high_value AS
SELECT customer_id, country
FROM `acme-prod.mart.customer_orders`
WHERE revenue > 100;
