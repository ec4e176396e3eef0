-- MERGE: target, source tables, columns per WHEN clause; the ON condition only filters.

--! targets: p.mart.customers
--! sources: p.staging.customers
--! column: p.mart.customers.email <- p.staging.customers.email
--! column: p.mart.customers.updated_at <-
--! column: p.mart.customers.customer_id <- p.staging.customers.customer_id
--! column: p.mart.customers.email <- p.staging.customers.email
MERGE mart.customers T
USING staging.customers S
ON T.customer_id = S.customer_id
WHEN MATCHED THEN UPDATE SET email = S.email, updated_at = CURRENT_TIMESTAMP()
WHEN NOT MATCHED THEN INSERT (customer_id, email) VALUES (customer_id, email);

--! targets: p.mart.inventory
--! sources: p.d.shipments
--! column: p.mart.inventory.qty <- p.mart.inventory.qty, p.d.shipments.qty
--! column: p.mart.inventory.sku <- p.d.shipments.sku
--! column: p.mart.inventory.qty <- p.d.shipments.qty
MERGE INTO `p.mart.inventory` AS inv
USING (SELECT sku, SUM(qty) AS qty FROM shipments GROUP BY sku) AS s
ON inv.sku = s.sku
WHEN MATCHED AND s.qty > 0 THEN UPDATE SET qty = inv.qty + s.qty
WHEN NOT MATCHED BY TARGET THEN INSERT (sku, qty) VALUES (s.sku, s.qty)
WHEN NOT MATCHED BY SOURCE THEN DELETE;

--! targets: p.mart.daily_revenue
--! sources: p.d.orders
--! column: p.mart.daily_revenue.revenue <- p.d.orders.amount
--! column: p.mart.daily_revenue.day <- p.d.orders.order_date
--! column: p.mart.daily_revenue.country <-
--! column: p.mart.daily_revenue.revenue <- p.d.orders.amount
--! column: p.mart.daily_revenue.orders <- p.d.orders.order_id
MERGE mart.daily_revenue t
USING (SELECT order_date AS day, SUM(amount) AS revenue, COUNT(order_id) AS orders FROM orders GROUP BY 1) s
ON t.day = s.day AND t.country = 'ALL'
WHEN MATCHED THEN UPDATE SET revenue = s.revenue
WHEN NOT MATCHED THEN INSERT ROW;

--! targets: p.dim.product
--! sources: p.raw.product_feed
--! column: p.dim.product.is_current <-
MERGE dim.product d
USING raw.product_feed f
ON d.sku = f.sku AND d.is_current
WHEN MATCHED AND d.name != f.name THEN UPDATE SET is_current = FALSE;

--! targets: p.mart.users_latest
--! sources: p.raw.user_events
--! column: p.mart.users_latest.last_event <- p.raw.user_events.ts
--! column: p.mart.users_latest.user_id <- p.raw.user_events.user_id
--! column: p.mart.users_latest.last_event <- p.raw.user_events.ts
MERGE mart.users_latest u
USING (
  SELECT user_id, MAX(ts) AS ts FROM raw.user_events WHERE dt = @run_date GROUP BY user_id
) e
ON u.user_id = e.user_id
WHEN MATCHED THEN UPDATE SET u.last_event = e.ts
WHEN NOT MATCHED THEN INSERT (user_id, last_event) VALUES (e.user_id, e.ts);

--! targets: p.mart.accounts
--! sources: p.staging.accounts, p.ref.plans
--! column: p.mart.accounts.plan_name <- p.ref.plans.name
MERGE mart.accounts a
USING (SELECT s.account_id, pl.name FROM staging.accounts s JOIN ref.plans pl ON pl.id = s.plan_id) src
ON a.account_id = src.account_id
WHEN MATCHED THEN UPDATE SET plan_name = src.name;
