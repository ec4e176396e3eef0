DECLARE run_date DATE DEFAULT CURRENT_DATE();

SELECT FROM WHERE broken;

MERGE `acme-prod.mart.order_facts` AS t
USING (SELECT order_id, amount FROM `acme-prod.raw.orders`) AS s
ON t.order_id = s.order_id
WHEN MATCHED THEN UPDATE SET amount = s.amount
WHEN NOT MATCHED THEN INSERT (order_id, amount) VALUES (s.order_id, s.amount);
