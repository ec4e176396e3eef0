package corpus.app.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small local server on 127.0.0.1 speaking the part of the BigQuery v2 REST protocol a crawl
 * needs ({@code datasets.list/get}, {@code tables.list/get}), with resources shaped as in the
 * public API reference and 403/401/404 answers on request. The full test server lives in
 * catalog-indexer's tests ({@code FakeBigQueryServer}); app tests cannot see those classes, and a
 * test-jar would break builds that skip test compilation, so this is the app's own minimal one.
 */
final class FakeBigQuery implements AutoCloseable {

  static final String PROJECT = "acme-analytics";
  static final String DENIED_DATASET = "restricted_hr";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROUTE =
      Pattern.compile("/projects/([^/]+)/datasets(?:/([^/]+)(/tables(?:/([^/]+))?)?)?");
  private static final long CREATED = 1_740_816_000_000L; // 2025-03-01T08:00:00Z

  private record Failure(int status, String reason, String message) {}

  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, NavigableMap<String, ObjectNode>> datasets = new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<String, ObjectNode>> tables = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
  private volatile Duration delay = Duration.ZERO;

  private FakeBigQuery() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("fake-bq-app-", 1).daemon(true).factory());
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  /**
   * A server holding project {@value #PROJECT}: {@code published_core} (customers, orders_daily
   * and a view), {@code marketing} (campaign_clicks) and {@value #DENIED_DATASET}, whose tables
   * the caller may not list (403).
   */
  static FakeBigQuery acme() throws IOException {
    FakeBigQuery server = new FakeBigQuery();
    ObjectNode core = server.addDataset(PROJECT, "published_core", "EU");
    core.put("description", "Curated customer and order data, owned by the core data team.");
    core.putObject("labels").put("tier", "gold").put("owner", "core-data");
    server.addTable(PROJECT, "published_core", "customers", "TABLE",
        "One row per customer version (SCD type 2).",
        field("customer_id", "STRING", "REQUIRED", "Pseudonymous customer key."),
        field("email", "STRING", "NULLABLE", "Contact e-mail."),
        field("valid_from", "DATE", "REQUIRED", null),
        field("valid_to", "DATE", "REQUIRED", null),
        field("is_current", "BOOLEAN", "REQUIRED", null));
    ObjectNode orders = server.addTable(PROJECT, "published_core", "orders_daily", "TABLE",
        "Orders per customer per day.",
        field("order_date", "DATE", "REQUIRED", "Day of the order (UTC)."),
        field("customer_id", "STRING", "NULLABLE", null),
        field("amount_eur", "NUMERIC", "NULLABLE", "Order value in euros."));
    orders.putObject("timePartitioning").put("type", "DAY").put("field", "order_date");
    ObjectNode view = server.addTable(PROJECT, "published_core", "customers_current", "VIEW",
        "The open version of every customer.",
        field("customer_id", "STRING", "REQUIRED", null), field("email", "STRING", "NULLABLE", null));
    view.putObject("view").put("query",
        "SELECT customer_id, email FROM `acme-analytics.published_core.customers` WHERE is_current")
        .put("useLegacySql", false);
    server.addDataset(PROJECT, "marketing", "EU");
    server.addTable(PROJECT, "marketing", "campaign_clicks", "TABLE",
        "Clicks on e-mail campaign links, one row per click.",
        field("click_time", "TIMESTAMP", "REQUIRED", null),
        field("campaign_id", "STRING", "REQUIRED", "Campaign key."));
    server.addDataset(PROJECT, DENIED_DATASET, "EU");
    server.addTable(PROJECT, DENIED_DATASET, "salaries", "TABLE", null,
        field("employee_id", "STRING", "REQUIRED", null));
    server.fail("/projects/" + PROJECT + "/datasets/" + DENIED_DATASET + "/tables", 403, "accessDenied",
        "Access Denied: Dataset " + PROJECT + ":" + DENIED_DATASET + ": Permission bigquery.tables.list denied"
            + " on dataset " + PROJECT + ":" + DENIED_DATASET + " (or it may not exist).");
    return server;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Every request to {@code path} (exactly, without {@code /bigquery/v2}) answers with this error. */
  void fail(String path, int status, String reason, String message) {
    failures.put(path, new Failure(status, reason, message));
  }

  /** Every answer waits this long first (for cancel tests). */
  void delay(Duration d) {
    delay = d;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The Authorization headers the server received; none when the client sends no credentials. */
  Set<String> authorizations() {
    return Set.copyOf(authorizations);
  }

  ObjectNode addDataset(String project, String dataset, String location) {
    ObjectNode d = JSON.createObjectNode();
    d.put("kind", "bigquery#dataset");
    d.put("etag", "\"" + Integer.toHexString((project + dataset).hashCode()) + "\"");
    d.put("id", project + ":" + dataset);
    d.put("selfLink", "https://bigquery.googleapis.com/bigquery/v2/projects/" + project + "/datasets/" + dataset);
    d.putObject("datasetReference").put("datasetId", dataset).put("projectId", project);
    d.put("creationTime", Long.toString(CREATED));
    d.put("lastModifiedTime", Long.toString(CREATED + 86_400_000L));
    d.put("location", location);
    d.put("type", "DEFAULT");
    datasets.computeIfAbsent(project, p -> new ConcurrentSkipListMap<>()).put(dataset, d);
    tables.computeIfAbsent(project + "." + dataset, k -> new ConcurrentSkipListMap<>());
    return d;
  }

  ObjectNode addTable(String project, String dataset, String table, String type, String description,
      ObjectNode... fields) {
    ObjectNode t = JSON.createObjectNode();
    t.put("kind", "bigquery#table");
    t.put("etag", "\"" + Integer.toHexString((project + dataset + table).hashCode()) + "\"");
    t.put("id", project + ":" + dataset + "." + table);
    t.putObject("tableReference").put("projectId", project).put("datasetId", dataset).put("tableId", table);
    t.put("type", type);
    if (description != null) {
      t.put("description", description);
    }
    t.put("creationTime", Long.toString(CREATED));
    t.put("lastModifiedTime", Long.toString(CREATED + 3_600_000L));
    t.put("location", "EU");
    ArrayNode schema = t.putObject("schema").putArray("fields");
    for (ObjectNode f : fields) {
      schema.add(f);
    }
    if (type.equals("TABLE")) {
      t.put("numRows", "1000");
      t.put("numBytes", "65536");
    }
    tables.computeIfAbsent(project + "." + dataset, k -> new ConcurrentSkipListMap<>()).put(table, t);
    return t;
  }

  static ObjectNode field(String name, String type, String mode, String description) {
    ObjectNode f = JSON.createObjectNode();
    f.put("name", name);
    f.put("type", type);
    f.put("mode", mode);
    if (description != null) {
      f.put("description", description);
    }
    return f;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath().replaceFirst("^/bigquery/v2", "");
      requests.add(ex.getRequestMethod() + " " + path);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authorizations.add(auth);
      }
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      Failure failure = failures.get(path);
      if (failure != null) {
        send(ex, failure.status(), error(failure.status(), failure.reason(), failure.message()));
        return;
      }
      Matcher m = ROUTE.matcher(path);
      if (!ex.getRequestMethod().equals("GET") || !m.matches()) {
        send(ex, 404, error(404, "notFound", "Not found: URL " + path));
        return;
      }
      send(ex, 200, route(m.group(1), m.group(2), m.group(3) != null, m.group(4)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      send(ex, 500, error(500, "internalError", "fake server failure: " + e));
    }
  }

  private ObjectNode route(String project, String dataset, boolean tablesPath, String table) {
    NavigableMap<String, ObjectNode> projectDatasets = datasets.get(project);
    if (projectDatasets == null) {
      return error(404, "notFound", "Not found: Project " + project);
    }
    if (dataset == null) {
      ObjectNode list = JSON.createObjectNode().put("kind", "bigquery#datasetList").put("etag", "\"x\"");
      ArrayNode items = list.putArray("datasets");
      projectDatasets.values().forEach(d -> items.addObject()
          .put("kind", "bigquery#dataset").put("id", d.path("id").asText())
          .put("location", d.path("location").asText())
          .set("datasetReference", d.path("datasetReference")));
      return list;
    }
    ObjectNode d = projectDatasets.get(dataset);
    if (d == null) {
      return error(404, "notFound", "Not found: Dataset " + project + ":" + dataset);
    }
    if (!tablesPath) {
      return d;
    }
    NavigableMap<String, ObjectNode> datasetTables = tables.get(project + "." + dataset);
    if (table == null) {
      ObjectNode list = JSON.createObjectNode().put("kind", "bigquery#tableList").put("etag", "\"y\"");
      ArrayNode items = list.putArray("tables");
      datasetTables.values().forEach(t -> items.addObject()
          .put("kind", "bigquery#table").put("id", t.path("id").asText()).put("type", t.path("type").asText())
          .put("creationTime", t.path("creationTime").asText())
          .set("tableReference", t.path("tableReference")));
      list.put("totalItems", datasetTables.size());
      return list;
    }
    ObjectNode t = datasetTables.get(table);
    return t != null ? t : error(404, "notFound", "Not found: Table " + project + ":" + dataset + "." + table);
  }

  private static ObjectNode error(int code, String reason, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
    e.put("status", switch (code) {
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      default -> "INTERNAL";
    });
    return root;
  }

  private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
    int code = body.has("error") ? body.path("error").path("code").asInt(status) : status;
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
