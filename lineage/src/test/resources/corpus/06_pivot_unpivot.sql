-- PIVOT and UNPIVOT.

--! sources: p.d.quarterly_sales
--! column: product <- p.d.quarterly_sales.product
--! column: Q1 <- p.d.quarterly_sales.sales, p.d.quarterly_sales.quarter
--! column: Q2 <- p.d.quarterly_sales.sales, p.d.quarterly_sales.quarter
SELECT product, Q1, Q2 FROM quarterly_sales PIVOT (SUM(sales) FOR quarter IN ('Q1', 'Q2'));

--! targets: p.mart.sales_wide
--! sources: p.d.quarterly_sales
--! column: p.mart.sales_wide.product <- p.d.quarterly_sales.product
--! column: p.mart.sales_wide.total_q1 <- p.d.quarterly_sales.sales, p.d.quarterly_sales.quarter
--! column: p.mart.sales_wide.total_q2 <- p.d.quarterly_sales.sales, p.d.quarterly_sales.quarter
CREATE TABLE mart.sales_wide AS
SELECT product, total_q1, total_q2
FROM (SELECT product, sales, quarter FROM quarterly_sales)
PIVOT (SUM(sales) AS total FOR quarter IN ('Q1' AS q1, 'Q2' AS q2));

--! sources: p.d.sales_wide
--! column: product <- p.d.sales_wide.product
--! column: sales <- p.d.sales_wide.q1, p.d.sales_wide.q2, p.d.sales_wide.q3
--! column: quarter <-
SELECT product, sales, quarter FROM sales_wide UNPIVOT (sales FOR quarter IN (q1, q2, q3));

--! sources: p.d.orders
--! column: user_id <- p.d.orders.user_id
--! column: complete <- p.d.orders.amount, p.d.orders.status
--! column: cancelled <- p.d.orders.amount, p.d.orders.status
SELECT * FROM (SELECT user_id, amount, status FROM orders)
PIVOT (SUM(amount) FOR status IN ('complete' AS complete, 'cancelled' AS cancelled));

--! targets: p.mart.metrics_long
--! sources: p.d.kpis
--! column: p.mart.metrics_long.day <- p.d.kpis.day
--! column: p.mart.metrics_long.metric <-
--! column: p.mart.metrics_long.value <- p.d.kpis.dau, p.d.kpis.wau
INSERT INTO mart.metrics_long (day, metric, value)
SELECT day, metric, value FROM kpis UNPIVOT INCLUDE NULLS (value FOR metric IN (dau, wau));

--! sources: p.d.survey
SELECT * FROM survey UNPIVOT ((a, b) FOR q IN ((a1, b1) AS 'one', (a2, b2) AS 'two'));
