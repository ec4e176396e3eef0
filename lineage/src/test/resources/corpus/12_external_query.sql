-- EXTERNAL_QUERY reads a Cloud SQL database: marked as external, never a table.

--! column: id <- id
--! column: name <- name
SELECT id, name FROM EXTERNAL_QUERY('p.eu.crm', 'SELECT id, name FROM customers');

--! targets: p.mart.crm_customers
--! column: p.mart.crm_customers.id <- id
--! column: p.mart.crm_customers.name <- name
CREATE OR REPLACE TABLE mart.crm_customers AS
SELECT * FROM EXTERNAL_QUERY('p.eu.crm', '''SELECT id, name FROM customers''')
WHERE FALSE
UNION ALL
SELECT id, name FROM EXTERNAL_QUERY('p.eu.crm', 'SELECT id, name FROM customers');

--! targets: p.mart.crm_orders
--! sources: p.d.users
--! column: p.mart.crm_orders.user_id <- p.d.users.user_id
--! column: p.mart.crm_orders.total <- total
INSERT INTO mart.crm_orders (user_id, total)
SELECT u.user_id, e.total
FROM users u
JOIN EXTERNAL_QUERY('p.eu.crm', 'SELECT user_id, SUM(total) AS total FROM orders GROUP BY 1') e
  ON e.user_id = u.user_id;

--! column: n <-
SELECT COUNT(*) AS n FROM EXTERNAL_QUERY("p.us.pg", "SELECT 1");
