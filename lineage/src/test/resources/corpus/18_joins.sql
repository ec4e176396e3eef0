-- Joins: columns come from the right table; join keys are filters.

--! sources: p.d.orders, p.d.users
--! column: order_id <- p.d.orders.order_id
--! column: email <- p.d.users.email
SELECT o.order_id, u.email FROM orders o INNER JOIN users u ON o.user_id = u.user_id;

--! sources: p.d.orders, p.d.users
--! column: order_id <- p.d.orders.order_id
--! column: country <- p.d.users.country
SELECT order_id, country FROM orders JOIN users USING (user_id);

--! sources: p.d.sessions, p.d.devices
--! column: session_id <- p.d.sessions.session_id
--! column: model <- p.d.devices.model
SELECT s.session_id, d.model FROM sessions s LEFT OUTER JOIN devices d ON d.device_id = s.device_id;

--! sources: p.d.a, p.d.b
--! column: k <- p.d.a.k
--! column: va <- p.d.a.v
--! column: vb <- p.d.b.v
SELECT k, a.v AS va, b.v AS vb FROM a FULL OUTER JOIN b USING (k);

--! sources: p.d.calendar, p.d.stores
--! column: day <- p.d.calendar.day
--! column: store_id <- p.d.stores.store_id
SELECT c.day, s.store_id FROM calendar c CROSS JOIN stores s;

--! sources: p.d.orders, p.d.users, p.d.products
--! column: email <- p.d.users.email
--! column: category <- p.d.products.category
SELECT u.email, p.category
FROM orders o
JOIN users u ON u.user_id = o.user_id
JOIN UNNEST(o.items) AS i
JOIN products p ON p.sku = i.sku;

--! sources: p.d.t_left, p.d.t_right
SELECT l.id FROM t_left l, t_right r WHERE l.id = r.id;

--! sources: p.d.fx, p.d.orders
--! column: order_id <- p.d.orders.order_id
--! column: rate <- p.d.fx.rate
SELECT o.order_id, fx.rate FROM orders o JOIN fx ON fx.currency = o.currency AND fx.day = o.order_date;

--! sources: p.d.orders
--! column: a <- p.d.orders.order_id
--! column: b <- p.d.orders.order_id
SELECT o1.order_id AS a, o2.order_id AS b FROM orders o1 JOIN orders o2 ON o1.user_id = o2.user_id AND o1.order_id < o2.order_id;

--! sources: p.d.users, p.d.sessions, p.d.devices
--! column: user_id <- p.d.users.user_id
--! column: sessions <- p.d.sessions.session_id
SELECT u.user_id, COUNT(s.session_id) AS sessions
FROM users u LEFT JOIN (sessions s JOIN devices d ON d.device_id = s.device_id) ON s.user_id = u.user_id
GROUP BY u.user_id;
