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
import java.util.ArrayList;
import java.util.Collections;
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
 * A local HTTP server on 127.0.0.1 that speaks the subset of the Data Catalog v1 REST protocol
 * (Policy Tag Manager) Corpus uses: {@code taxonomies.list/create/get} and {@code
 * policyTags.list/create}, with Taxonomy and PolicyTag resources shaped as in the public API
 * reference, pagination, uniqueness of display names, and injected failures. A test double, not
 * Data Catalog: it enforces only the rules Corpus relies on.
 */
final class FakeDataCatalogServer implements AutoCloseable {

  private static final Pattern ROUTE = Pattern.compile(
      "/v1/projects/([^/]+)/locations/([^/]+)/taxonomies(?:/([^/]+)(?:/(policyTags))?)?");
  private static final String CREATED = "2025-03-01T08:00:00.000Z";

  private record Rule(String method, Pattern path, int status, AtomicInteger left) {}

  private final HttpServer http;
  private final ExecutorService executor;
  /** Taxonomies by parent {@code projects/p/locations/l}, in creation order. */
  private final Map<String, List<ObjectNode>> taxonomies = new ConcurrentHashMap<>();
  /** Policy tags by taxonomy resource name, in creation order. */
  private final Map<String, List<ObjectNode>> tags = new ConcurrentHashMap<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger(5000);
  private volatile int maxPageSize = 50;

  private FakeDataCatalogServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("fake-dc-", 1).daemon(true).factory());
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  static FakeDataCatalogServer start() throws IOException {
    return new FakeDataCatalogServer();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** The largest page the server returns, whatever the client asks for. */
  void maxPageSize(int n) {
    maxPageSize = n;
  }

  /** Adds a taxonomy as if someone had created it; returns its resource. */
  ObjectNode addTaxonomy(String project, String location, String displayName) {
    return createTaxonomy("projects/" + project + "/locations/" + location,
        JSON.createObjectNode().put("displayName", displayName).put("description", "added by the test"));
  }

  /** Adds a policy tag under {@code parent} (a tag resource, or null at the top); returns its resource. */
  ObjectNode addTag(ObjectNode taxonomy, String displayName, ObjectNode parent) {
    ObjectNode body = JSON.createObjectNode().put("displayName", displayName);
    if (parent != null) {
      body.put("parentPolicyTag", parent.path("name").asText());
    }
    return (ObjectNode) createTag(taxonomy.path("name").asText(), body);
  }

  /** The next {@code times} requests (-1: all) matching method and path (regex on the v1 path) fail with {@code status}. */
  void fail(String method, String pathRegex, int status, int times) {
    rules.add(new Rule(method, Pattern.compile(pathRegex), status, new AtomicInteger(times)));
  }

  List<ObjectNode> taxonomies(String project, String location) {
    return List.copyOf(taxonomies.getOrDefault("projects/" + project + "/locations/" + location, List.of()));
  }

  List<ObjectNode> tags(String taxonomy) {
    return List.copyOf(tags.getOrDefault(taxonomy, List.of()));
  }

  /** Requests served so far, as {@code METHOD /v1/...}. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  long count(String regex) {
    Pattern p = Pattern.compile(regex);
    return requests().stream().filter(r -> p.matcher(r).find()).count();
  }

  /** The Authorization headers received (none when the client sends no credentials). */
  List<String> authorizations() {
    return List.copyOf(authorizations);
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
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authorizations.add(auth);
      }
      String path = ex.getRequestURI().getRawPath();
      requests.add(method + " " + path);
      byte[] in = ex.getRequestBody().readAllBytes();
      JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
      for (Rule r : rules) {
        if (r.method().equals(method) && r.path().matcher(path).matches()
            && (r.left().get() < 0 || r.left().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0)) {
          FakeHttp.send(ex, r.status(), error(r.status(), message(r.status(), path)));
          return;
        }
      }
      Matcher m = ROUTE.matcher(path);
      if (!m.matches()) {
        FakeHttp.send(ex, 404, error(404, "Requested entity was not found."));
        return;
      }
      JsonNode answer = route(method, m, FakeHttp.query(ex.getRequestURI().getRawQuery()), body);
      FakeHttp.send(ex, answer.has("error") ? answer.path("error").path("code").asInt() : 200, answer);
    } catch (RuntimeException | IOException e) {
      FakeHttp.send(ex, 500, error(500, "fake server failure: " + e));
    }
  }

  private JsonNode route(String method, Matcher m, Map<String, String> q, JsonNode body) {
    String parent = "projects/" + m.group(1) + "/locations/" + m.group(2);
    String taxonomyId = m.group(3);
    boolean policyTags = m.group(4) != null;
    if (taxonomyId == null) {
      if (method.equals("POST")) {
        if (!body.hasNonNull("displayName") || body.path("displayName").asText().isBlank()) {
          return error(400, "Taxonomy display name is required.");
        }
        boolean taken = taxonomies.getOrDefault(parent, List.of()).stream()
            .anyMatch(t -> t.path("displayName").asText().equals(body.path("displayName").asText()));
        return taken ? error(409, "Taxonomy with display name '" + body.path("displayName").asText()
            + "' already exists in " + parent + ".") : createTaxonomy(parent, body);
      }
      return page(taxonomies.getOrDefault(parent, List.of()), "taxonomies", q);
    }
    String taxonomy = parent + "/taxonomies/" + taxonomyId;
    ObjectNode t = taxonomies.getOrDefault(parent, List.of()).stream()
        .filter(x -> x.path("name").asText().equals(taxonomy)).findFirst().orElse(null);
    if (t == null) {
      return error(404, "Requested taxonomy was not found: " + taxonomy + ".");
    }
    if (!policyTags) {
      return t;
    }
    if (method.equals("POST")) {
      return createTag(taxonomy, body);
    }
    return page(tags.getOrDefault(taxonomy, List.of()), "policyTags", q);
  }

  private synchronized ObjectNode createTaxonomy(String parent, JsonNode body) {
    ObjectNode t = JSON.createObjectNode();
    t.put("name", parent + "/taxonomies/" + ids.incrementAndGet());
    t.put("displayName", body.path("displayName").asText());
    if (body.hasNonNull("description")) {
      t.put("description", body.path("description").asText());
    }
    t.put("policyTagCount", 0);
    t.putObject("taxonomyTimestamps").put("createTime", CREATED).put("updateTime", CREATED);
    ArrayNode types = t.putArray("activatedPolicyTypes");
    body.path("activatedPolicyTypes").forEach(types::add);
    taxonomies.computeIfAbsent(parent, k -> new CopyOnWriteArrayList<>()).add(t);
    tags.put(t.path("name").asText(), new CopyOnWriteArrayList<>());
    return t;
  }

  private synchronized JsonNode createTag(String taxonomy, JsonNode body) {
    String display = body.path("displayName").asText("");
    List<ObjectNode> list = tags.computeIfAbsent(taxonomy, k -> new CopyOnWriteArrayList<>());
    if (display.isBlank()) {
      return error(400, "Policy tag display name is required.");
    }
    if (list.stream().anyMatch(x -> x.path("displayName").asText().equals(display))) {
      return error(409, "Policy tag with display name '" + display + "' already exists in " + taxonomy + ".");
    }
    String parent = body.path("parentPolicyTag").asText("");
    ObjectNode parentTag = list.stream().filter(x -> x.path("name").asText().equals(parent)).findFirst().orElse(null);
    if (!parent.isEmpty() && parentTag == null) {
      return error(400, "Parent policy tag " + parent + " does not exist in " + taxonomy + ".");
    }
    ObjectNode tag = JSON.createObjectNode();
    tag.put("name", taxonomy + "/policyTags/" + ids.incrementAndGet());
    tag.put("displayName", display);
    if (body.hasNonNull("description")) {
      tag.put("description", body.path("description").asText());
    }
    if (parentTag != null) {
      tag.put("parentPolicyTag", parent);
      parentTag.withArrayProperty("childPolicyTags").add(tag.path("name").asText());
    }
    list.add(tag);
    taxonomies.values().stream().flatMap(List::stream).filter(t -> t.path("name").asText().equals(taxonomy))
        .forEach(t -> t.put("policyTagCount", list.size()));
    return tag;
  }

  private JsonNode page(List<ObjectNode> all, String key, Map<String, String> q) {
    int start = q.containsKey("pageToken") && !q.get("pageToken").isEmpty()
        ? Integer.parseInt(q.get("pageToken").replace("p", "")) : 0;
    int asked = q.containsKey("pageSize") ? Integer.parseInt(q.get("pageSize")) : 50;
    int size = Math.min(maxPageSize, asked <= 0 ? 50 : asked);
    int end = Math.min(all.size(), start + size);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray(key);
    all.subList(start, end).forEach(items::add);
    if (end < all.size()) {
      out.put("nextPageToken", "p" + end);
    }
    return out;
  }

  private static String message(int status, String path) {
    return switch (status) {
      case 403 -> "Permission 'datacatalog.taxonomies.create' denied on resource '" + path + "' (or it may not exist).";
      case 429 -> "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'.";
      case 401 -> "Request had invalid authentication credentials.";
      default -> "Internal error encountered.";
    };
  }

  static ObjectNode error(int code, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.put("status", switch (code) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ALREADY_EXISTS";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      default -> "INTERNAL";
    });
    return root;
  }


}
