package corpus.app.table;

import corpus.app.format.Formats;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.RangePartitioning;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.model.TimePartitioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Describes a table's storage and history as labelled facts for the table page: location,
 * partitioning, clustering, rows, size, times and usage, each in words a person reads.
 */
final class TableFacts {

  private static final String UNKNOWN = "—";

  private TableFacts() {}

  static List<Fact> of(Table table, Dataset dataset, TableUsage usage, Formats formats) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Location", location(table, dataset)));
    facts.add(new Fact("Partitioning", partitioning(table)));
    facts.add(new Fact("Clustering", table.clustering().isEmpty() ? "none" : String.join(", ", table.clustering())));
    facts.add(new Fact("Rows", table.numRows() == null ? UNKNOWN : Formats.count(table.numRows())));
    facts.add(new Fact("Size", table.numBytes() == null ? UNKNOWN : Formats.bytes(table.numBytes())));
    facts.add(new Fact("Last modified", table.lastModifiedTime() == null ? UNKNOWN : formats.dateTime(table.lastModifiedTime())));
    facts.add(new Fact("Created", table.creationTime() == null ? UNKNOWN : formats.dateTime(table.creationTime())));
    facts.add(new Fact("Expires", table.expirationTime() == null ? "never" : formats.dateTime(table.expirationTime())));
    if (usage != null) {
      facts.add(new Fact("Usage", usage(usage, formats)));
    }
    return facts;
  }

  private static String location(Table table, Dataset dataset) {
    if (table.location() != null) {
      return table.location();
    }
    return dataset != null && dataset.location() != null ? dataset.location() : UNKNOWN;
  }

  static String partitioning(Table table) {
    TimePartitioning time = table.timePartitioning();
    if (time != null) {
      StringBuilder text = new StringBuilder()
          .append(time.type() == null ? "DAY" : time.type().toUpperCase(Locale.ROOT))
          .append(" on ").append(time.filterColumn());
      if (time.expirationMs() != null && time.expirationMs() > 0) {
        text.append(", partitions expire after ").append(Formats.duration(time.expirationMs()));
      }
      if (time.requirePartitionFilter()) {
        text.append(", filter required");
      }
      return text.toString();
    }
    RangePartitioning range = table.rangePartitioning();
    if (range != null) {
      return String.format(Locale.ROOT, "RANGE on %s from %,d to %,d by %,d",
          range.field(), range.start(), range.end(), range.interval());
    }
    return "none";
  }

  private static String usage(TableUsage usage, Formats formats) {
    String text = String.format(Locale.ROOT, "%,d queries by %,d people", usage.queryCount(), usage.distinctUsers());
    return usage.lastQueried() == null ? text : text + ", last " + formats.age(usage.lastQueried());
  }
}
