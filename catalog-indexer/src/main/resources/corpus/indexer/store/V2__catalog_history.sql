-- V2: the catalog's own history, as a slowly changing dimension of type 2: one row per version of
-- each catalog entity (a table or a dataset) of each catalog (index folder). A crawl that sees an
-- entity change closes its current version (valid_to = the crawl's time, is_current = 0) and
-- opens a new one; an entity that disappears gets a last version with is_deleted = 1.
CREATE TABLE catalog_version (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  catalog      TEXT    NOT NULL,
  entity       TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  valid_from   TEXT    NOT NULL,
  valid_to     TEXT    NOT NULL,
  is_current   INTEGER NOT NULL,
  is_deleted   INTEGER NOT NULL DEFAULT 0,
  crawl_id     INTEGER,
  content      TEXT    NOT NULL,
  content_hash TEXT    NOT NULL
);
CREATE INDEX catalog_version_by_entity ON catalog_version(catalog, entity, valid_from);
CREATE INDEX catalog_version_current ON catalog_version(catalog, is_current);
