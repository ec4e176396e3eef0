package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.FakeResources.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server on 127.0.0.1 that speaks the subset of the BigQuery v2 REST protocol Corpus
 * uses: datasets.list/get, tables.list/get/patch, tabledata.list, jobs.insert/query/get/cancel and
 * jobs.getQueryResults, with pagination, injected failures and delays. It is a test double, not
 * BigQuery: queries are answered from stubs registered by SQL fragment.
 */
final class FakeBigQueryServer implements AutoCloseable {

  /** A canned answer for queries whose SQL contains {@code fragment}. */
  static final class QueryStub {
    final String fragment;
    ArrayNode schema = JSON.createArrayNode();
    List<List<?>> rows = List.of();
    long bytes = 10_485_760L;
    long dryRunBytes = -1;
    String statementType = "SELECT";
    List<String> referenced = List.of();
    boolean slow;
    JsonNode error;

    QueryStub(String fragment) {
      this.fragment = fragment;
    }

    QueryStub returns(ArrayNode fields, List<List<?>> values) {
      schema = fields;
      rows = values;
      return this;
    }

    QueryStub bytes(long n) {
      bytes = n;
      return this;
    }

    /** What the dry run estimates, when it differs from what the job then needs. */
    QueryStub dryRunBytes(long n) {
      dryRunBytes = n;
      return this;
    }

    QueryStub statementType(String type) {
      statementType = type;
      return this;
    }

    /** Referenced tables as {@code project.dataset.table}. */
    QueryStub references(String... tables) {
      referenced = List.of(tables);
      return this;
    }

    /** The query is refused with this HTTP status, reason and message. */
    QueryStub fails(int status, String reason, String message) {
      error = FakeResources.error(status, reason, message);
      return this;
    }

    /** The job never finishes on its own; only a cancel ends it. */
    QueryStub slow() {
      slow = true;
      return this;
    }
  }

  private record Rule(String method, Pattern path, int status, String reason, Duration delay, AtomicInteger left) {}

  private record Job(ObjectNode resource, String table) {}

  private static final Pattern ROUTE = Pattern.compile(
      "/projects/([^/]+)(?:/(datasets|jobs|queries)(?:/([^/]+)(?:/(tables|cancel)(?:/([^/]+)(?:/(data))?)?)?)?)?");

  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, NavigableMap<String, ObjectNode>> datasets = new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<String, ObjectNode>> tables = new ConcurrentHashMap<>();
  private final Map<String, List<List<?>>> rows = new ConcurrentHashMap<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final List<QueryStub> stubs = new CopyOnWriteArrayList<>();
  private final List<java.util.function.BiFunction<String, JsonNode, QueryStub>> answerers =
      new CopyOnWriteArrayList<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger jobCounter = new AtomicInteger();
  private volatile int maxPageSize = 1000;

  private FakeBigQueryServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(16, Thread.ofPlatform().name("fake-bq-", 1).daemon(true).factory());
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  static FakeBigQueryServer start() throws IOException {
    return new FakeBigQueryServer();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** A connection to this server with test-sized timeouts and quick retries. */
  BigQueryConnection connection(String project) {
    return BigQueryConnection.of(project).withEndpoint(endpoint())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30))
        .withRetries(4, Duration.ofMillis(10), Duration.ofMillis(80));
  }

  /** The largest page the server returns, whatever the client asks for (real BigQuery caps too). */
  void maxPageSize(int n) {
    maxPageSize = n;
  }

  ObjectNode addDataset(ObjectNode dataset) {
    String project = dataset.path("datasetReference").path("projectId").asText();
    String id = dataset.path("datasetReference").path("datasetId").asText();
    datasets.computeIfAbsent(project, p -> new ConcurrentSkipListMap<>()).put(id, dataset);
    tables.computeIfAbsent(project + "." + id, k -> new ConcurrentSkipListMap<>());
    return dataset;
  }

  ObjectNode addTable(ObjectNode table) {
    JsonNode ref = table.path("tableReference");
    String key = ref.path("projectId").asText() + "." + ref.path("datasetId").asText();
    tables.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>()).put(ref.path("tableId").asText(), table);
    return table;
  }

  void addRows(String tableId, List<List<?>> values) {
    rows.put(tableId, values);
  }

  QueryStub onQuery(String sqlFragment) {
    QueryStub stub = new QueryStub(sqlFragment);
    stubs.add(stub);
    return stub;
  }

  /**
   * Answers queries no stub matches: {@code answerer} gets the SQL and the query configuration (with its
   * parameters) and returns a stub, or null to pass.
   */
  void answerQueries(java.util.function.BiFunction<String, JsonNode, QueryStub> answerer) {
    answerers.add(answerer);
  }

  /** The dataset resources of a project, by id. */
  NavigableMap<String, ObjectNode> datasets(String project) {
    return datasets.getOrDefault(project, new ConcurrentSkipListMap<>());
  }

  /** The table resources of a dataset, by table id. */
  NavigableMap<String, ObjectNode> tables(String project, String dataset) {
    return tables.getOrDefault(project + "." + dataset, new ConcurrentSkipListMap<>());
  }

  /** The next {@code times} requests matching method and path (a regex on the v2 path) fail; -1: every one. */
  void fail(String method, String pathRegex, int status, String reason, int times) {
    rules.add(new Rule(method, Pattern.compile(pathRegex), status, reason, null, new AtomicInteger(times)));
  }

  /** Requests matching the path wait {@code delay} before being answered, {@code times} times. */
  void delay(String pathRegex, Duration delay, int times) {
    rules.add(new Rule(null, Pattern.compile(pathRegex), 0, null, delay, new AtomicInteger(times)));
  }

  /** Requests served so far, as {@code METHOD /projects/...?query}. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  long count(String regex) {
    Pattern p = Pattern.compile(regex);
    return requests().stream().filter(r -> p.matcher(r).find()).count();
  }

  /** JSON bodies of the POST and PATCH requests received. */
  List<JsonNode> bodies() {
    return List.copyOf(bodies);
  }

  ObjectNode table(String project, String dataset, String table) {
    return tables.get(project + "." + dataset).get(table);
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String override = ex.getRequestHeaders().getFirst("X-HTTP-Method-Override");
      if (override != null) {
        method = override;
      }
      String path = ex.getRequestURI().getRawPath().replaceFirst("^/bigquery/v2", "");
      String rawQuery = ex.getRequestURI().getRawQuery();
      requests.add(method + " " + path + (rawQuery == null ? "" : "?" + rawQuery));
      JsonNode body = null;
      byte[] in = ex.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(in)).readAllBytes();
      }
      if (in.length > 0) {
        body = JSON.readTree(in);
        bodies.add(body);
      }
      for (Rule r : rules) {
        if ((r.method() == null || r.method().equals(method)) && r.path().matcher(path).matches()
            && (r.left().get() < 0 || r.left().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0)) {
          if (r.delay() != null) {
            sleep(r.delay());
            continue;
          }
          FakeHttp.send(ex, r.status(), FakeResources.error(r.status(), r.reason(), message(r.status(), r.reason(), path)));
          return;
        }
      }
      Map<String, String> query = FakeHttp.query(rawQuery);
      Matcher m = ROUTE.matcher(path);
      if (!m.matches()) {
        FakeHttp.send(ex, 404, FakeResources.error(404, "notFound", "Not found: URL " + path));
        return;
      }
      JsonNode answer = route(method, m, query, body);
      if (answer instanceof ObjectNode o && o.has("error")) {
        FakeHttp.send(ex, o.path("error").path("code").asInt(), o);
      } else {
        FakeHttp.send(ex, 200, answer);
      }
    } catch (RuntimeException | IOException e) {
      FakeHttp.send(ex, 500, FakeResources.error(500, "internalError", "fake server failure: " + e));
    }
  }

  private JsonNode route(String method, Matcher m, Map<String, String> q, JsonNode body) {
    String project = m.group(1);
    String collection = m.group(2);
    String id = m.group(3);
    String sub = m.group(4);
    String table = m.group(5);
    boolean data = m.group(6) != null;
    if ("datasets".equals(collection)) {
      if (id == null) {
        return listDatasets(project, q);
      }
      if (sub == null) {
        ObjectNode d = datasets.getOrDefault(project, new ConcurrentSkipListMap<>()).get(id);
        return d != null ? d : FakeResources.error(404, "notFound", "Not found: Dataset " + project + ":" + id);
      }
      if (table == null) {
        return listTables(project, id, q);
      }
      String key = project + "." + id + "." + table;
      ObjectNode t = tables.getOrDefault(project + "." + id, new ConcurrentSkipListMap<>()).get(table);
      if (t == null) {
        return FakeResources.error(404, "notFound", "Not found: Table " + project + ":" + id + "." + table);
      }
      if (data) {
        return tableData(key, t.path("schema").path("fields"), q);
      }
      if (method.equals("PATCH") || method.equals("PUT")) {
        body.properties().forEach(e -> {
          if (!e.getKey().equals("tableReference")) {
            t.set(e.getKey(), e.getValue());
          }
        });
      }
      return t;
    }
    if ("jobs".equals(collection) && id == null && method.equals("POST")) {
      return insertJob(project, body);
    }
    if ("queries".equals(collection) && id == null) {
      return query(project, body);
    }
    if (id != null) {
      Job job = jobs.get(id);
      if (job == null) {
        return FakeResources.error(404, "notFound", "Not found: Job " + project + ":" + id);
      }
      if ("cancel".equals(sub)) {
        finish(job.resource(), "stopped", "Job execution was cancelled: User requested cancellation");
        ObjectNode r = JSON.createObjectNode().put("kind", "bigquery#jobCancelResponse");
        r.set("job", job.resource());
        return r;
      }
      if ("queries".equals(collection)) {
        return queryResults(job, q);
      }
      return job.resource();
    }
    return FakeResources.error(400, "invalid", "unsupported request " + method + " " + m.group());
  }

  private JsonNode listDatasets(String project, Map<String, String> q) {
    List<ObjectNode> all = new ArrayList<>(datasets.getOrDefault(project, new ConcurrentSkipListMap<>()).values());
    ObjectNode out = JSON.createObjectNode().put("kind", "bigquery#datasetList").put("etag", "\"dl\"");
    ArrayNode items = JSON.createArrayNode();
    String next = page(all, q, items, FakeResources::datasetListItem);
    if (!all.isEmpty()) {
      out.set("datasets", items);
    }
    if (next != null) {
      out.put("nextPageToken", next);
    }
    return out;
  }

  private JsonNode listTables(String project, String dataset, Map<String, String> q) {
    NavigableMap<String, ObjectNode> map = tables.get(project + "." + dataset);
    if (map == null) {
      return FakeResources.error(404, "notFound", "Not found: Dataset " + project + ":" + dataset);
    }
    List<ObjectNode> all = new ArrayList<>(map.values());
    ObjectNode out = JSON.createObjectNode().put("kind", "bigquery#tableList").put("etag", "\"tl\"");
    ArrayNode items = JSON.createArrayNode();
    String next = page(all, q, items, FakeResources::listItem);
    if (!all.isEmpty()) {
      out.set("tables", items);
    }
    out.put("totalItems", all.size());
    if (next != null) {
      out.put("nextPageToken", next);
    }
    return out;
  }

  private String page(List<ObjectNode> all, Map<String, String> q, ArrayNode into,
      java.util.function.UnaryOperator<ObjectNode> item) {
    int start = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken").replace("page-", "")) : 0;
    int size = Math.min(maxPageSize, q.containsKey("maxResults") ? Integer.parseInt(q.get("maxResults")) : 50);
    int end = Math.min(all.size(), start + size);
    for (int i = start; i < end; i++) {
      into.add(item.apply(all.get(i)));
    }
    return end < all.size() ? "page-" + end : null;
  }

  private JsonNode tableData(String key, JsonNode fields, Map<String, String> q) {
    List<List<?>> all = rows.getOrDefault(key, List.of());
    int start = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken").replace("row-", ""))
        : Integer.parseInt(q.getOrDefault("startIndex", "0"));
    int size = Math.min(maxPageSize, Integer.parseInt(q.getOrDefault("maxResults", "100000")));
    int end = Math.min(all.size(), start + size);
    ObjectNode out = JSON.createObjectNode().put("kind", "bigquery#tableDataList").put("etag", "\"td\"")
        .put("totalRows", Integer.toString(all.size()));
    if (end < all.size()) {
      out.put("pageToken", "row-" + end);
    }
    ArrayNode arr = out.putArray("rows");
    for (int i = start; i < end; i++) {
      arr.add(FakeResources.row(all.get(i), fields));
    }
    return out;
  }

  private QueryStub stub(String sql) {
    for (QueryStub s : stubs) {
      if (sql.contains(s.fragment)) {
        return s;
      }
    }
    return null;
  }

  private JsonNode insertJob(String project, JsonNode body) {
    JsonNode config = body.path("configuration");
    String sql = config.path("query").path("query").asText();
    QueryStub stub = stub(sql);
    for (int i = 0; stub == null && i < answerers.size(); i++) {
      stub = answerers.get(i).apply(sql, config.path("query"));
    }
    if (stub != null && stub.error != null) {
      return stub.error;
    }
    if (stub == null) {
      return FakeResources.error(400, "invalidQuery", "Unrecognized name: this query is not known to the fake server at [1:8]");
    }
    boolean dryRun = config.path("dryRun").asBoolean(false);
    String jobId = dryRun ? null : body.path("jobReference").path("jobId").asText("job_" + jobCounter.incrementAndGet());
    ObjectNode job = jobResource(project, jobId, config, stub, dryRun);
    if (dryRun) {
      return job;
    }
    String resultTable = project + "._fake_anon.anon_" + jobId;
    rows.put(resultTable, stub.rows);
    ObjectNode anon = FakeResources.table(project, "_fake_anon", "anon_" + jobId, "TABLE");
    ((ObjectNode) anon.path("schema")).set("fields", stub.schema);
    addTable(anon);
    ObjectNode dest = ((ObjectNode) job.path("configuration").path("query")).putObject("destinationTable");
    dest.put("projectId", project).put("datasetId", "_fake_anon").put("tableId", "anon_" + jobId);
    jobs.put(jobId, new Job(job, resultTable));
    long limit = config.path("query").path("maximumBytesBilled").asLong(Long.MAX_VALUE);
    if (stub.bytes > limit) {
      finish(job, "bytesBilledLimitExceeded", "Query exceeded limit for bytes billed: " + limit + ". "
          + stub.bytes + " or higher required.");
    } else if (!stub.slow) {
      finish(job, null, null);
    }
    return job;
  }

  private ObjectNode jobResource(String project, String jobId, JsonNode config, QueryStub stub, boolean dryRun) {
    ObjectNode job = JSON.createObjectNode().put("kind", "bigquery#job").put("etag", "\"j\"");
    ObjectNode ref = job.putObject("jobReference").put("projectId", project).put("location", "EU");
    if (jobId != null) {
      ref.put("jobId", jobId);
      job.put("id", project + ":EU." + jobId);
    }
    job.set("configuration", config.deepCopy());
    ObjectNode stats = job.putObject("statistics");
    stats.put("creationTime", Long.toString(System.currentTimeMillis()));
    long bytes = dryRun && stub.dryRunBytes >= 0 ? stub.dryRunBytes : stub.bytes;
    stats.put("totalBytesProcessed", Long.toString(bytes));
    ObjectNode qs = stats.putObject("query");
    qs.put("totalBytesProcessed", Long.toString(bytes));
    qs.put("totalBytesBilled", dryRun ? "0" : Long.toString(Math.max(stub.bytes, 10_485_760L)));
    qs.put("cacheHit", false);
    qs.put("statementType", stub.statementType);
    qs.put("totalBytesProcessedAccuracy", "PRECISE");
    qs.putObject("schema").set("fields", stub.schema);
    ArrayNode refs = qs.putArray("referencedTables");
    for (String t : stub.referenced) {
      String[] p = t.split("\\.");
      refs.addObject().put("projectId", p[0]).put("datasetId", p[1]).put("tableId", p[2]);
    }
    job.putObject("status").put("state", dryRun ? "DONE" : "RUNNING");
    job.put("user_email", "analyst@example.com");
    return job;
  }

  private static void finish(ObjectNode job, String reason, String message) {
    ObjectNode status = job.putObject("status").put("state", "DONE");
    if (reason != null) {
      status.putObject("errorResult").put("reason", reason).put("message", message);
      status.putArray("errors").addObject().put("reason", reason).put("message", message);
    }
  }

  private JsonNode query(String project, JsonNode body) {
    ObjectNode config = JSON.createObjectNode();
    ObjectNode qc = config.putObject("query");
    body.properties().forEach(e -> qc.set(e.getKey(), e.getValue()));
    ObjectNode insert = JSON.createObjectNode();
    insert.set("configuration", config);
    JsonNode inserted = insertJob(project, insert);
    if (inserted.has("error")) {
      return inserted;
    }
    Job job = jobs.get(inserted.path("jobReference").path("jobId").asText());
    JsonNode error = job.resource().path("status").path("errorResult");
    if (!error.isMissingNode()) {
      return FakeResources.error(400, error.path("reason").asText(), error.path("message").asText());
    }
    Map<String, String> q = new HashMap<>();
    if (body.has("maxResults")) {
      q.put("maxResults", body.get("maxResults").asText());
    }
    ObjectNode out = (ObjectNode) queryResults(job, q);
    out.put("kind", "bigquery#queryResponse");
    return out;
  }

  private JsonNode queryResults(Job job, Map<String, String> q) {
    ObjectNode resource = job.resource();
    JsonNode error = resource.path("status").path("errorResult");
    if (!error.isMissingNode()) {
      return FakeResources.error(400, error.path("reason").asText(), error.path("message").asText());
    }
    boolean done = resource.path("status").path("state").asText().equals("DONE");
    ObjectNode out = JSON.createObjectNode().put("kind", "bigquery#getQueryResultsResponse").put("etag", "\"q\"");
    out.set("jobReference", resource.path("jobReference"));
    out.put("jobComplete", done);
    if (!done) {
      sleep(Duration.ofMillis(Math.min(200, Long.parseLong(q.getOrDefault("timeoutMs", "200")))));
      return out;
    }
    JsonNode schema = resource.path("statistics").path("query").path("schema");
    out.set("schema", schema);
    out.put("totalBytesProcessed", resource.path("statistics").path("totalBytesProcessed").asText());
    out.put("cacheHit", false);
    ObjectNode page = (ObjectNode) tableData(job.table(), schema.path("fields"), q);
    out.put("totalRows", page.path("totalRows").asText());
    out.set("rows", page.path("rows"));
    if (page.has("pageToken")) {
      out.put("pageToken", page.get("pageToken").asText());
    }
    return out;
  }

  private static String message(int status, String reason, String path) {
    return switch (status) {
      case 403 -> "rateLimitExceeded".equals(reason)
          ? "Exceeded rate limits: too many api requests per user per method for this user_method."
          : "Access Denied: " + path + ": Permission bigquery.tables.list denied (or it may not exist).";
      case 429 -> "Quota exceeded: Your project exceeded quota for api requests per user per method.";
      case 401 -> "Request had invalid authentication credentials.";
      default -> "An internal error occurred and the request could not be completed.";
    };
  }



  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
