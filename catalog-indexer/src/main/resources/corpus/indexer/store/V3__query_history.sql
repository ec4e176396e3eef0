-- Queries run from the workbench: the text, when, what was estimated and billed, how long, how it ended.
-- Never any result value.
CREATE TABLE query_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  warehouse TEXT NOT NULL,
  sql_text TEXT NOT NULL,
  bytes_estimated INTEGER,
  bytes_billed INTEGER,
  cost_usd REAL,
  duration_ms INTEGER,
  row_count INTEGER,
  status TEXT NOT NULL,
  message TEXT
);
CREATE INDEX query_history_started ON query_history(started_at);
