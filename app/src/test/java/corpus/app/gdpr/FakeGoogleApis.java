package corpus.app.gdpr;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server on 127.0.0.1 speaking, on one port, the parts of two Google REST protocols a
 * policy-tag sync needs: BigQuery v2 {@code datasets.get}, {@code tables.get/patch} and Data
 * Catalog v1 {@code taxonomies.list/create}, {@code policyTags.list/create}, with resources shaped
 * as in the public API references. The full servers live in catalog-indexer's tests
 * ({@code FakeBigQueryServer}, {@code FakeDataCatalogServer}), which app tests cannot see.
 */
final class FakeGoogleApis implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BQ = Pattern.compile(
      "/bigquery/v2/projects/([^/]+)/datasets/([^/]+)(?:/tables/([^/]+))?");
  private static final Pattern DC = Pattern.compile(
      "/v1/projects/([^/]+)/locations/([^/]+)/taxonomies(?:/([^/]+)/policyTags)?");

  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, ObjectNode> datasets = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> taxonomies = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> tags = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger(7000);
  private volatile long delayMillis;

  FakeGoogleApis() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("fake-google-", 1).daemon(true).factory());
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Every answer waits this long (to see progress and cancel). */
  void delay(long millis) {
    delayMillis = millis;
  }

  void addDataset(String project, String dataset, String location) {
    ObjectNode d = JSON.createObjectNode().put("kind", "bigquery#dataset").put("id", project + ":" + dataset);
    d.putObject("datasetReference").put("projectId", project).put("datasetId", dataset);
    d.put("location", location);
    datasets.put(project + "." + dataset, d);
  }

  /** Adds a table of STRING columns; {@code tagged} maps a column to a policy tag it already carries. */
  ObjectNode addTable(String id, List<String> columns, Map<String, String> tagged) {
    String[] p = id.split("\\.");
    ObjectNode t = JSON.createObjectNode().put("kind", "bigquery#table").put("id", p[0] + ":" + p[1] + "." + p[2]);
    t.putObject("tableReference").put("projectId", p[0]).put("datasetId", p[1]).put("tableId", p[2]);
    t.put("type", "TABLE").put("creationTime", "1740816000000").put("numRows", "0").put("numBytes", "0");
    ArrayNode fields = t.putObject("schema").putArray("fields");
    for (String c : columns) {
      ObjectNode f = fields.addObject().put("name", c).put("type", "STRING").put("mode", "NULLABLE");
      if (tagged.containsKey(c)) {
        f.putObject("policyTags").putArray("names").add(tagged.get(c));
      }
    }
    tables.put(id, t);
    return t;
  }

  ObjectNode table(String id) {
    return tables.get(id);
  }

  /** The policy tag names of a column, empty when it has none. */
  List<String> tagsOf(String table, String column) {
    for (JsonNode f : tables.get(table).path("schema").path("fields")) {
      if (f.path("name").asText().equals(column)) {
        return f.path("policyTags").path("names").valueStream().map(JsonNode::asText).toList();
      }
    }
    return List.of();
  }

  List<ObjectNode> taxonomies(String parent) {
    return List.copyOf(taxonomies.getOrDefault(parent, List.of()));
  }

  long count(String regex) {
    Pattern p = Pattern.compile(regex);
    return requests.stream().filter(r -> p.matcher(r).find()).count();
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
      method = override != null ? override : method;
      String path = ex.getRequestURI().getRawPath();
      requests.add(method + " " + path);
      byte[] in = ex.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(in)).readAllBytes();
      }
      JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      Matcher bq = BQ.matcher(path);
      Matcher dc = DC.matcher(path);
      if (bq.matches()) {
        bigquery(ex, method, bq, body);
      } else if (dc.matches()) {
        datacatalog(ex, method, dc, body);
      } else {
        send(ex, 404, error(404, "NOT_FOUND", "Not found: " + path));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | IOException e) {
      send(ex, 500, error(500, "INTERNAL", "fake server failure: " + e));
    }
  }

  private void bigquery(HttpExchange ex, String method, Matcher m, JsonNode body) throws IOException {
    String dataset = m.group(1) + "." + m.group(2);
    if (m.group(3) == null) {
      ObjectNode d = datasets.get(dataset);
      send(ex, d == null ? 404 : 200, d == null ? error(404, "NOT_FOUND", "Not found: Dataset " + dataset) : d);
      return;
    }
    ObjectNode t = tables.get(dataset + "." + m.group(3));
    if (t == null) {
      send(ex, 404, error(404, "NOT_FOUND", "Not found: Table " + dataset + "." + m.group(3)));
      return;
    }
    if (method.equals("PATCH") || method.equals("PUT")) {
      body.properties().forEach(e -> {
        if (!e.getKey().equals("tableReference")) {
          t.set(e.getKey(), e.getValue());
        }
      });
    }
    send(ex, 200, t);
  }

  private synchronized void datacatalog(HttpExchange ex, String method, Matcher m, JsonNode body) throws IOException {
    String parent = "projects/" + m.group(1) + "/locations/" + m.group(2);
    if (m.group(3) == null) {
      List<ObjectNode> list = taxonomies.computeIfAbsent(parent, k -> new CopyOnWriteArrayList<>());
      if (method.equals("POST")) {
        ObjectNode t = JSON.createObjectNode().put("name", parent + "/taxonomies/" + ids.incrementAndGet())
            .put("displayName", body.path("displayName").asText()).put("description", body.path("description").asText());
        t.putObject("taxonomyTimestamps").put("createTime", "2025-03-01T08:00:00Z").put("updateTime", "2025-03-01T08:00:00Z");
        list.add(t);
        send(ex, 200, t);
      } else {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("taxonomies");
        list.forEach(items::add);
        send(ex, 200, out);
      }
      return;
    }
    String taxonomy = parent + "/taxonomies/" + m.group(3);
    List<ObjectNode> list = tags.computeIfAbsent(taxonomy, k -> new CopyOnWriteArrayList<>());
    if (method.equals("POST")) {
      ObjectNode t = JSON.createObjectNode().put("name", taxonomy + "/policyTags/" + ids.incrementAndGet())
          .put("displayName", body.path("displayName").asText()).put("description", body.path("description").asText());
      if (!body.path("parentPolicyTag").asText("").isEmpty()) {
        t.put("parentPolicyTag", body.path("parentPolicyTag").asText());
      }
      list.add(t);
      send(ex, 200, t);
    } else {
      ObjectNode out = JSON.createObjectNode();
      ArrayNode items = out.putArray("policyTags");
      list.forEach(items::add);
      send(ex, 200, out);
    }
  }

  private static ObjectNode error(int code, String status, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("code", code).put("message", message).put("status", status);
    return root;
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
