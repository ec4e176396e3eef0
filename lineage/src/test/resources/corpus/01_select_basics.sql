-- Plain SELECT statements: qualification against the default project p and dataset d.

--! sources: p.d.sessions
--! column: session_id <- p.d.sessions.session_id
--! column: started_at <- p.d.sessions.started_at
SELECT session_id, started_at FROM sessions;

--! sources: p.web.page_views
--! column: url <- p.web.page_views.url
--! column: viewer <- p.web.page_views.user_id
SELECT url, user_id AS viewer FROM web.page_views WHERE dt = '2024-01-01';

--! sources: other-proj.web.clicks
--! column: n <-
SELECT COUNT(*) AS n FROM `other-proj.web.clicks`;

--! sources: other-proj.web.clicks
--! column: button <- other-proj.web.clicks.button
--! column: clicks <- other-proj.web.clicks.click_id
SELECT button, COUNT(DISTINCT click_id) AS clicks FROM `other-proj`.web.clicks GROUP BY button;

--! sources: p.d.users
--! column: email_domain <- p.d.users.email
--! column: country <- p.d.users.country
SELECT LOWER(SPLIT(email, '@')[SAFE_OFFSET(1)]) AS email_domain, country FROM users;

--! sources: p.d.sessions
--! column: day <- p.d.sessions.started_at
--! column: device <- p.d.sessions.device
SELECT DATE(started_at) AS day, CASE WHEN device IN ('ios', 'android') THEN 'mobile' ELSE device END AS device
FROM p.d.sessions
WHERE started_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY);

--! sources: p.d.orders
--! column: month <- p.d.orders.order_date
--! column: revenue <- p.d.orders.amount
SELECT DATE_TRUNC(order_date, MONTH) AS month, SUM(amount) AS revenue
FROM orders
GROUP BY month
HAVING SUM(amount) > 1000
ORDER BY month;

--! sources: p.d.deliveries
--! column: days_to_ship <- p.d.deliveries.order_date, p.d.deliveries.shipped_date
SELECT DATE_DIFF(shipped_date, order_date, DAY) AS days_to_ship FROM d.deliveries;

--! sources: p.d.users
--! column: city <- p.d.users.address.city
--! column: zip <- p.d.users.address.zip
SELECT address.city, u.address.zip FROM users AS u;

--! sources: p.d.events
--! column: event_name <- p.d.events.event_name
--! column: ts <- p.d.events.event_timestamp
SELECT event_name, TIMESTAMP_MICROS(event_timestamp) AS ts FROM events LIMIT 100;

--! sources: p.d.events
SELECT DISTINCT event_name FROM events;

--! sources: region-eu.INFORMATION_SCHEMA.JOBS
SELECT job_id, total_bytes_billed FROM `region-eu`.INFORMATION_SCHEMA.JOBS WHERE creation_time > '2024-01-01';

SELECT 1 AS one, CURRENT_DATE() AS today;
