package corpus.indexer.source.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.ColumnLineage;
import corpus.lineage.StatementLineage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code openlineage:PATH} source: OpenLineage RunEvents in a file or a folder ({@code .json} with one
 * event or an array of them, {@code .ndjson}/{@code .jsonl} with one event a line). Each job becomes a
 * {@link Pipeline} of kind {@code openlineage} whose one statement merges what its events say (START and
 * COMPLETE events of a run repeat each other); BigQuery datasets with a schema facet the catalog does not
 * know yet become tables. A bad event is reported with its file and line and skipped.
 */
public final class OpenLineageSource implements CatalogSource {

  private final Path path;
  private final ObjectMapper json = new ObjectMapper();

  public OpenLineageSource(Path path) {
    this.path = path;
  }

  @Override
  public String spec() {
    return "openlineage:" + path;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    List<Path> files = files();
    Map<String, Job> jobs = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      Path file = files.get(i);
      for (Located e : read(file, sink)) {
        try {
          OpenLineageEvent event = OpenLineageEvent.read(e.node(), e.line());
          jobs.computeIfAbsent(event.job(), k -> new Job(k, file.toString())).add(event);
        } catch (IllegalArgumentException bad) {
          sink.problem(new Problem(spec(), file.toString(), e.line(), bad.getMessage()));
        }
      }
      progress.progress("openlineage files", i + 1, files.size());
    }
    Set<String> sent = new LinkedHashSet<>();
    for (Job job : jobs.values()) {
      job.schemas.forEach((id, fields) -> {
        if (sent.add(id) && sink.schemas().columns(id).isEmpty()) {
          sink.table(Table.builder(TableId.parse(id)).schema(fields).build());
        }
      });
    }
    for (Job job : jobs.values()) {
      sink.pipeline(job.pipeline());
    }
  }

  private List<Path> files() throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new NoSuchFileException(path.toString(), null, "no OpenLineage events here");
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.(json|ndjson|jsonl)"))
          .sorted()
          .toList();
    }
  }

  private record Located(JsonNode node, int line) {}

  private List<Located> read(Path file, CatalogSink sink) {
    List<Located> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      sink.problem(new Problem(spec(), file.toString(), 0, "could not be read: " + e.getMessage()));
      return out;
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      try {
        JsonNode root = json.readTree(String.join("\n", lines));
        if (root != null && root.isArray()) {
          root.forEach(n -> out.add(new Located(n, 0)));
        } else if (root != null) {
          out.add(new Located(root, 1));
        }
        return out;
      } catch (JsonProcessingException e) {
        if (lines.stream().filter(l -> !l.isBlank()).count() < 2) {
          int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
          sink.problem(new Problem(spec(), file.toString(), line, "malformed JSON: " + e.getOriginalMessage()));
          return out;
        } // else: NDJSON saved as .json, read line by line below
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        out.add(new Located(json.readTree(lines.get(i)), i + 1));
      } catch (JsonProcessingException e) {
        sink.problem(new Problem(spec(), file.toString(), i + 1, "malformed JSON: " + e.getOriginalMessage()));
      }
    }
    return out;
  }

  /** The events of one job, merged. */
  private static final class Job {
    private final String id;
    private final String file;
    private final Set<String> targets = new LinkedHashSet<>();
    private final Set<String> sources = new LinkedHashSet<>();
    private final Set<String> external = new LinkedHashSet<>();
    private final Set<String> filters = new LinkedHashSet<>();
    private final Map<String, ColumnLineage> columns = new LinkedHashMap<>();
    private final Map<String, List<Field>> schemas = new LinkedHashMap<>();
    private String sql;
    private int line;
    private int events;

    Job(String id, String file) {
      this.id = id;
      this.file = file;
    }

    void add(OpenLineageEvent event) {
      StatementLineage s = event.statement();
      if (events++ == 0 || (line == 0 && !s.targets().isEmpty())) {
        line = s.line();
      }
      targets.addAll(s.targets());
      sources.addAll(s.sources());
      external.addAll(s.external());
      filters.addAll(s.filters());
      for (ColumnLineage c : s.columns()) {
        columns.merge(c.target(), c, (a, b) -> {
          Set<String> all = new LinkedHashSet<>(a.sources());
          all.addAll(b.sources());
          return new ColumnLineage(a.target(), List.copyOf(all), a.derivation().combine(b.derivation()));
        });
      }
      event.schemas().forEach(schemas::putIfAbsent);
      if (sql == null) {
        sql = event.sql();
      }
    }

    Pipeline pipeline() {
      StatementLineage merged = new StatementLineage("openlineage", line, List.copyOf(targets), List.copyOf(sources),
          List.copyOf(external), List.copyOf(columns.values()), List.copyOf(filters), List.of(), null);
      String name = id.substring(id.indexOf('/') + 1);
      String description = "OpenLineage job " + id + " (" + events + (events == 1 ? " event)" : " events)");
      return new Pipeline("openlineage:" + id, "openlineage", file, name, description, sql, List.of(merged), false);
    }
  }
}
