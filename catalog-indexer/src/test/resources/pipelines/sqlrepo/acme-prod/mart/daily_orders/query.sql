-- Daily order totals per customer.
SELECT
  DATE(created_at) AS order_date,
  customer_id,
  COUNT(*) AS orders,
  SUM(amount) AS revenue
FROM raw.orders
WHERE amount > 0
GROUP BY order_date, customer_id
