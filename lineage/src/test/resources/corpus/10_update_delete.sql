-- UPDATE and DELETE: the modified table is the target; WHERE columns are filters.

--! targets: p.mart.users
--! column: p.mart.users.email <- p.mart.users.email
UPDATE mart.users SET email = LOWER(email) WHERE email IS NOT NULL;

--! targets: p.mart.orders
--! sources: p.ref.fx_rates
--! column: p.mart.orders.amount_eur <- p.mart.orders.amount, p.ref.fx_rates.rate
UPDATE mart.orders o
SET amount_eur = o.amount * r.rate
FROM ref.fx_rates r
WHERE r.currency = o.currency AND r.day = o.order_date;

--! targets: p.mart.sessions
--! column: p.mart.sessions.is_bounce <- p.mart.sessions.page_views
UPDATE mart.sessions SET is_bounce = page_views <= 1 WHERE TRUE;

--! targets: p.mart.accounts
--! sources: p.raw.closures
--! column: p.mart.accounts.status <-
UPDATE mart.accounts SET status = 'closed'
WHERE account_id IN (SELECT account_id FROM raw.closures WHERE closed_on <= CURRENT_DATE());

--! targets: p.mart.events
DELETE FROM mart.events WHERE event_date < DATE_SUB(CURRENT_DATE(), INTERVAL 400 DAY);

--! targets: p.mart.users
--! sources: p.gdpr.erasure_requests
DELETE mart.users u WHERE EXISTS (SELECT 1 FROM gdpr.erasure_requests r WHERE r.user_id = u.user_id);

--! targets: p.mart.daily_revenue
DELETE FROM mart.daily_revenue WHERE day = @run_date;

--! targets: p.d.sessions
DELETE FROM sessions WHERE TRUE;

--! targets: p.mart.profiles
--! column: p.mart.profiles.address.city <- p.mart.profiles.address.city
UPDATE mart.profiles p SET p.address.city = INITCAP(p.address.city) WHERE p.address.city IS NOT NULL;

--! targets: p.mart.stock
TRUNCATE TABLE mart.stock;
