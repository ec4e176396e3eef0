-- Creates the raw landing table; the destination is named in the statement, not the path.
CREATE TABLE IF NOT EXISTS `acme-prod.raw.orders` (
  order_id STRING,
  customer_id STRING,
  amount NUMERIC,
  created_at TIMESTAMP
);
