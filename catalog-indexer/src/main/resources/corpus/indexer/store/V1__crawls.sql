-- V1: indexing runs and the inputs they skipped
CREATE TABLE crawl (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  finished_at TEXT    NOT NULL,
  index_dir   TEXT    NOT NULL,
  sources     TEXT    NOT NULL,
  datasets    INTEGER NOT NULL,
  tables      INTEGER NOT NULL,
  fields      INTEGER NOT NULL,
  docs        INTEGER NOT NULL,
  problems    INTEGER NOT NULL,
  took_ms     INTEGER NOT NULL
);
CREATE TABLE crawl_problem (
  crawl_id INTEGER NOT NULL REFERENCES crawl(id),
  source   TEXT    NOT NULL,
  file     TEXT,
  line     INTEGER NOT NULL,
  reason   TEXT    NOT NULL
);
CREATE INDEX crawl_problem_by_crawl ON crawl_problem(crawl_id);
