package corpus.app.lineage;

import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import corpus.lineage.StatementLineage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated warehouse whose lineage is one big graph around a hub table, for measuring the lineage view at
 * scale: raw tables flow through cleaning, staging and integration layers into {@code core.sessions}, and
 * marts, aggregates and reports are built from it, so the hub's upstream and downstream together are every
 * table. Each table (but the raw ones) has one pipeline whose statement reads one to a few tables of earlier
 * layers, as pipelines do: mostly of the one to three layers before, near the same position (70 % one layer
 * back, 20 % two, 10 % three), and a small share ({@code farReads} %, default 5) anywhere earlier (a mart reading
 * a raw dimension) — with column lineage for two columns per source. Same seed and share, same catalog.
 *
 * <p>At 2,000 tables: 10 layers, ≈3,000 table edges. {@link #hub()} is the table to open.
 */
public final class LineageBenchCatalog implements CatalogSource {

  static final String PROJECT = "bench-prod";
  private static final String[] DATASETS = {"raw", "clean", "stg", "int", "core_in", "core", "core_out", "mart",
      "agg", "reports"};
  /** Share of each layer in the table count; the hub's layer has the hub alone. */
  private static final double[] SHARE = {0.21, 0.19, 0.15, 0.09, 0.02, 0, 0.02, 0.10, 0.16, 0.06};
  private static final int HUB_LAYER = 5;
  private static final String[] COLUMNS = {"id", "user_id", "event_date", "country", "amount", "updated_at"};

  /** Default share, in percent, of the extra reads that go to any earlier layer at any position. */
  public static final int FAR_READS = 5;

  private final int tables;
  private final long seed;
  private final int farReads;
  private final List<List<TableId>> layers = new ArrayList<>();
  private final List<Set<TableId>> reads = new ArrayList<>();
  private int edges;

  /** A warehouse of {@code tables} tables (at least 20) from {@code seed}, with the default share of far reads. */
  public LineageBenchCatalog(int tables, long seed) {
    this(tables, seed, FAR_READS);
  }

  /** A warehouse of {@code tables} tables (at least 20) from {@code seed}; {@code farReads} % of reads go far back. */
  public LineageBenchCatalog(int tables, long seed, int farReads) {
    if (tables < 20) {
      throw new IllegalArgumentException("--tables must be at least 20, was " + tables);
    }
    if (farReads < 0 || farReads > 100) {
      throw new IllegalArgumentException("--far-reads must be a percentage from 0 to 100, was " + farReads);
    }
    this.tables = tables;
    this.seed = seed;
    this.farReads = farReads;
    generate();
  }

  /** The table whose lineage covers the whole warehouse. */
  public TableId hub() {
    return layers.get(HUB_LAYER).getFirst();
  }

  /** How many table-to-table edges the pipelines make. */
  public int edges() {
    return edges;
  }

  public int tables() {
    return tables;
  }

  private void generate() {
    Random random = new Random(seed);
    int[] sizes = new int[DATASETS.length];
    int assigned = 1;
    for (int l = 0; l < sizes.length; l++) {
      if (l != HUB_LAYER) {
        sizes[l] = Math.max(1, (int) Math.round(SHARE[l] * tables));
        assigned += sizes[l];
      }
    }
    sizes[HUB_LAYER] = 1;
    sizes[8] += tables - assigned;
    for (int l = 0; l < sizes.length; l++) {
      List<TableId> layer = new ArrayList<>(sizes[l]);
      for (int i = 0; i < sizes[l]; i++) {
        String name = l == HUB_LAYER ? "sessions" : DATASETS[l] + "_table_" + String.format("%04d", i);
        layer.add(new TableId(PROJECT, DATASETS[l], name));
      }
      layers.add(layer);
    }
    List<TableId> all = layers.stream().flatMap(List::stream).toList();
    for (int i = 0; i < all.size(); i++) {
      reads.add(new LinkedHashSet<>());
    }
    // upstream of the hub: every table feeds at least one table of the next layer (so it reaches the hub)
    for (int l = 0; l < HUB_LAYER; l++) {
      for (int i = 0; i < sizes[l]; i++) {
        int target = near(random, i, sizes[l], sizes[l + 1]);
        readsOf(l + 1, target).add(layers.get(l).get(i));
      }
    }
    // downstream of the hub: every table reads at least one table of the layer before (so the hub reaches it)
    for (int l = HUB_LAYER + 1; l < sizes.length; l++) {
      for (int i = 0; i < sizes[l]; i++) {
        int source = near(random, i, sizes[l], sizes[l - 1]);
        readsOf(l, i).add(layers.get(l - 1).get(source));
      }
    }
    // more reads, until there are about three edges for every two tables: mostly nearby in the one to three
    // layers before, a few far back (a mart reading a raw dimension)
    int target = tables * 3 / 2;
    int count = reads.stream().mapToInt(Set::size).sum();
    while (count < target) {
      int l = 1 + random.nextInt(sizes.length - 1);
      if (l == HUB_LAYER) {
        continue;
      }
      int i = random.nextInt(sizes[l]);
      boolean far = random.nextInt(100) < farReads;
      int back = random.nextInt(10) < 7 ? 1 : random.nextInt(3) < 2 ? 2 : 3;
      int from = far ? random.nextInt(l) : Math.max(0, l - back);
      if (l > HUB_LAYER && from < HUB_LAYER && random.nextInt(3) > 0) {
        from = HUB_LAYER + random.nextInt(l - HUB_LAYER);
      }
      int j = far ? random.nextInt(sizes[from]) : near(random, i, sizes[l], sizes[from]);
      if (readsOf(l, i).add(layers.get(from).get(j))) {
        count++;
      }
    }
    edges = count;
  }

  /** A position in a layer of {@code size} near where {@code i} of {@code fromSize} would be. */
  private static int near(Random random, int i, int fromSize, int size) {
    int centre = (int) ((i + 0.5) * size / fromSize);
    int spread = Math.max(1, size / 40);
    return Math.floorMod(centre + random.nextInt(2 * spread + 1) - spread, size);
  }

  private Set<TableId> readsOf(int layer, int i) {
    int index = i;
    for (int l = 0; l < layer; l++) {
      index += layers.get(l).size();
    }
    return reads.get(index);
  }

  @Override
  public String spec() {
    return "bench:lineage-" + tables;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) {
    List<Field> schema = java.util.Arrays.stream(COLUMNS).map(c -> Field.of(c, "STRING")).toList();
    int index = 0;
    for (int l = 0; l < layers.size(); l++) {
      for (int i = 0; i < layers.get(l).size(); i++) {
        TableId id = layers.get(l).get(i);
        sink.table(Table.builder(id).description("Layer " + DATASETS[l] + " table " + id.table()).schema(schema)
            .build());
        Set<TableId> sources = reads.get(index++);
        if (sources.isEmpty()) {
          continue;
        }
        List<ColumnLineage> columns = new ArrayList<>();
        int k = 0;
        for (TableId source : sources) {
          String a = COLUMNS[k % COLUMNS.length];
          String b = COLUMNS[(k + 3) % COLUMNS.length];
          columns.add(new ColumnLineage(id + "." + a, List.of(source + "." + a), Derivation.IDENTITY));
          columns.add(new ColumnLineage(id + "." + b, List.of(source + "." + b), Derivation.TRANSFORMATION));
          k++;
        }
        String file = DATASETS[l] + "/" + id.table() + "/query.sql";
        String sql = "INSERT INTO `" + id + "`\nSELECT *\nFROM " + String.join(",\n  ",
            sources.stream().map(s -> "`" + s + "`").toList()) + ";\n";
        StatementLineage statement = new StatementLineage("insert", 1, List.of(id.toString()),
            sources.stream().map(TableId::toString).toList(), List.of(), columns, List.of(), List.of(), null);
        sink.pipeline(new Pipeline("sql:" + file, "sql", file, file, null, sql, List.of(statement), false));
      }
    }
  }
}
