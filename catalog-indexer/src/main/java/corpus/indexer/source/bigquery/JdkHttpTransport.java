package corpus.indexer.source.bigquery;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The BigQuery client's HTTP transport, built on the JDK's {@link HttpClient}.
 *
 * <p>Why not the default {@code NetHttpTransport}: its read timeouts are {@code
 * SocketTimeoutException}s, which the client's retry executor takes for an interrupt of the calling
 * thread, so a slow server looked like a cancelled call. Here a timeout is an {@link
 * java.net.http.HttpTimeoutException} (an ordinary {@link IOException} that {@link Retrier}
 * retries) and an interrupt is a real, prompt cancel. Proxies come from the JVM's default proxy
 * selector ({@code -Dhttps.proxyHost}).
 */
final class JdkHttpTransport extends HttpTransport {

  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

  private final HttpClient client;

  JdkHttpTransport(Duration connectTimeout, boolean http11Only) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .version(http11Only ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
        .proxy(ProxySelector.getDefault())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public boolean supportsMethod(String method) {
    return true;
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    return new Request(method, url);
  }

  @Override
  public void shutdown() {
    client.close();
  }

  private final class Request extends LowLevelHttpRequest {
    private final String method;
    private final String url;
    private final List<String[]> headers = new ArrayList<>();
    private Duration readTimeout;

    Request(String method, String url) {
      this.method = method;
      this.url = url;
    }

    @Override
    public void addHeader(String name, String value) {
      headers.add(new String[] {name, value});
    }

    @Override
    public void setTimeout(int connectTimeout, int readTimeout) {
      this.readTimeout = readTimeout > 0 ? Duration.ofMillis(readTimeout) : null;
    }

    @Override
    public LowLevelHttpResponse execute() throws IOException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
      if (readTimeout != null) {
        b.timeout(readTimeout);
      }
      for (String[] h : headers) {
        if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
          b.header(h[0], h[1]);
        }
      }
      HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
      if (getStreamingContent() != null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        getStreamingContent().writeTo(out);
        body = HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
        if (getContentType() != null) {
          b.header("Content-Type", getContentType());
        }
        if (getContentEncoding() != null) {
          b.header("Content-Encoding", getContentEncoding());
        }
      }
      b.method(method, body);
      try {
        return new Response(client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("interrupted");
        io.initCause(e);
        throw io;
      }
    }
  }

  private static final class Response extends LowLevelHttpResponse {
    private final HttpResponse<InputStream> response;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    Response(HttpResponse<InputStream> response) {
      this.response = response;
      response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    }

    @Override
    public InputStream getContent() {
      return response.body();
    }

    @Override
    public String getContentEncoding() {
      return response.headers().firstValue("Content-Encoding").orElse(null);
    }

    @Override
    public long getContentLength() {
      return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    @Override
    public String getContentType() {
      return response.headers().firstValue("Content-Type").orElse(null);
    }

    @Override
    public String getStatusLine() {
      return "HTTP/1.1 " + response.statusCode();
    }

    @Override
    public int getStatusCode() {
      return response.statusCode();
    }

    @Override
    public String getReasonPhrase() {
      return null;
    }

    @Override
    public int getHeaderCount() {
      return headers.size();
    }

    @Override
    public String getHeaderName(int index) {
      return headers.get(index).getKey();
    }

    @Override
    public String getHeaderValue(int index) {
      return headers.get(index).getValue();
    }

    @Override
    public void disconnect() throws IOException {
      response.body().close();
    }
  }
}
