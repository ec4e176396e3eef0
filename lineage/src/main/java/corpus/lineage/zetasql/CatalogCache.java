package corpus.lineage.zetasql;

import corpus.lineage.ColumnSchema;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registered {@link AnalyzerCatalog}s of one resolved-tree pass, one per default project and dataset, each
 * growing with the tables statements need: a statement whose tables (with the same columns) are all in the current
 * catalog reuses it; otherwise a catalog with those tables added is registered once and replaces it. The replaced
 * catalog is unregistered as soon as no analysis still uses it. Bounded: a catalog stops growing at
 * {@value #MAX_TABLES} tables (the next one starts from the statement's own tables) and at most
 * {@value #MAX_CATALOGS} default pairs are kept.
 *
 * <pre>
 * try (CatalogCache.Lease lease = cache.acquire(tables, project, dataset)) {
 *   ResolvedStatement resolved = lease.catalog().analyze(sql, options);
 * }
 * </pre>
 *
 * <p>Thread-safe: leases are taken under a lock; registration of a new catalog happens under it too, so concurrent
 * statements needing new tables register one catalog after the other rather than one each.
 */
final class CatalogCache implements AutoCloseable {
  static final int MAX_TABLES = 2_000;
  static final int MAX_CATALOGS = 8;

  private final Map<String, Entry> current = new LinkedHashMap<>(16, 0.75f, true);
  private long registrations;
  private boolean closed;

  /** One registered catalog and the leases on it. */
  private static final class Entry {
    final AnalyzerCatalog catalog;
    int leases;
    boolean retired;

    Entry(AnalyzerCatalog catalog) {
      this.catalog = catalog;
    }
  }

  /** A catalog in use by one analysis; {@link #close} gives it back. */
  final class Lease implements AutoCloseable {
    private final Entry entry;
    private boolean released;

    private Lease(Entry entry) {
      this.entry = entry;
    }

    AnalyzerCatalog catalog() {
      return entry.catalog;
    }

    @Override
    public void close() {
      synchronized (CatalogCache.this) {
        if (released) {
          return;
        }
        released = true;
        entry.leases--;
        if (entry.retired && entry.leases == 0) {
          entry.catalog.unregister();
        }
      }
    }
  }

  /**
   * A lease on a registered catalog holding {@code tables} (id to columns, in statement order), or null
   * when one of them cannot be put in a catalog (an id that is not {@code project.dataset.table}, a type ZetaSQL
   * does not know).
   */
  synchronized Lease acquire(Map<String, List<ColumnSchema>> tables, String defaultProject, String defaultDataset) {
    if (closed) {
      throw new IllegalStateException("the resolved-tree pass was closed");
    }
    String key = String.valueOf(defaultProject).toLowerCase(Locale.ROOT) + "\u0000"
        + String.valueOf(defaultDataset).toLowerCase(Locale.ROOT);
    Entry entry = current.get(key);
    if (entry == null || !entry.catalog.covers(tables, defaultProject, defaultDataset)) {
      Map<String, List<ColumnSchema>> merged = new LinkedHashMap<>(tables);
      if (entry != null && entry.catalog.tables().size() + tables.size() <= MAX_TABLES) {
        entry.catalog.tables().forEach((id, columns) -> {
          if (!merged.containsKey(id)) {
            merged.put(id, columns);
          }
        });
      }
      AnalyzerCatalog catalog = AnalyzerCatalog.register(merged, defaultProject, defaultDataset);
      if (catalog == null && merged.size() > tables.size()) {
        catalog = AnalyzerCatalog.register(new LinkedHashMap<>(tables), defaultProject, defaultDataset);
      }
      if (catalog == null) {
        return null;
      }
      registrations++;
      if (entry != null) {
        retire(entry);
      }
      entry = new Entry(catalog);
      current.put(key, entry);
      evictBeyond(MAX_CATALOGS);
    }
    entry.leases++;
    return new Lease(entry);
  }

  /** How many catalogs were registered with the native library so far. */
  synchronized long registrations() {
    return registrations;
  }

  /** Unregisters every catalog (those still leased when their lease ends). */
  @Override
  public synchronized void close() {
    closed = true;
    evictBeyond(0);
  }

  private void evictBeyond(int size) {
    Iterator<Entry> eldest = current.values().iterator();
    while (current.size() > size && eldest.hasNext()) {
      Entry e = eldest.next();
      eldest.remove();
      retire(e);
    }
  }

  private static void retire(Entry entry) {
    entry.retired = true;
    if (entry.leases == 0) {
      entry.catalog.unregister();
    }
  }
}
