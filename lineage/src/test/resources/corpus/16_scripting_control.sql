-- Scripting: BEGIN … END, IF, loops, procedures, EXECUTE IMMEDIATE.

DECLARE rows_loaded INT64;

--! sources: p.staging.batch
SET rows_loaded = (SELECT COUNT(*) FROM staging.batch);

IF rows_loaded > 0 THEN
  --! targets: p.mart.batch_history
  --! sources: p.staging.batch
  --! column: p.mart.batch_history.batch_id <- p.staging.batch.batch_id
  --! column: p.mart.batch_history.loaded <-
  INSERT INTO mart.batch_history (batch_id, loaded) SELECT batch_id, rows_loaded FROM staging.batch;
ELSE
  --! targets: p.mart.alerts
  INSERT INTO mart.alerts (msg) VALUES ('empty batch');
END IF;

BEGIN
  --! targets: p.mart.batch_history
  DELETE FROM mart.batch_history WHERE loaded = 0;
  --! targets: p.mart.batch_summary
  --! sources: p.mart.batch_history
  --! column: p.mart.batch_summary.batches <- p.mart.batch_history.batch_id
  CREATE OR REPLACE TABLE mart.batch_summary AS SELECT COUNT(DISTINCT batch_id) AS batches FROM mart.batch_history;
EXCEPTION WHEN ERROR THEN
  --! targets: p.mart.alerts
  INSERT INTO mart.alerts (msg) VALUES (@@error.message);
END;

--! sources: p.ref.regions
FOR r IN (SELECT region FROM ref.regions) DO
  --! targets: p.mart.region_totals
  --! sources: p.d.orders
  --! column: p.mart.region_totals.region <-
  --! column: p.mart.region_totals.total <- p.d.orders.amount
  INSERT INTO mart.region_totals (region, total) SELECT r.region, SUM(amount) FROM orders WHERE region = r.region;
END FOR;

DECLARE i INT64 DEFAULT 0;
WHILE i < 3 DO
  SET i = i + 1;
END WHILE;

CREATE OR REPLACE PROCEDURE mart.refresh_users(day DATE)
BEGIN
  --! targets: p.mart.users_daily
  --! sources: p.d.users
  --! column: p.mart.users_daily.day <-
  --! column: p.mart.users_daily.users <- p.d.users.user_id
  INSERT INTO mart.users_daily (day, users) SELECT day, COUNT(user_id) FROM users WHERE DATE(created_at) = day;
END;

CALL mart.refresh_users(CURRENT_DATE());

--! targets: p.mart.dyn
--! sources: p.d.events
EXECUTE IMMEDIATE "INSERT INTO mart.dyn (n) SELECT COUNT(*) FROM events";

BEGIN TRANSACTION;
--! targets: p.mart.ledger
--! sources: p.staging.ledger
INSERT INTO mart.ledger SELECT * FROM staging.ledger;
COMMIT TRANSACTION;
