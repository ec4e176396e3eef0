package corpus.indexer.source.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The sample's text resources under {@code /sample/} on the class path: the warehouse spec, the
 * design documents and the pipeline SQL. {@code files.txt} lists them, because a class path
 * folder cannot be listed inside a jar.
 */
final class SampleResources {

  private static final String ROOT = "/sample/";

  private SampleResources() {}

  /** Every resource path listed in {@code files.txt}, relative to {@code /sample/}. */
  static List<String> list() {
    return read("files.txt").lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** Listed resources under {@code folder/}, e.g. {@code docs/}. */
  static List<String> list(String folder) {
    return list().stream().filter(p -> p.startsWith(folder)).toList();
  }

  static String read(String path) {
    try (InputStream in = SampleResources.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("sample resource missing from the class path: " + ROOT + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed warehouse spec from all {@code spec/*.spec} resources, in listed order. */
  static SampleSpec spec() {
    return SampleSpecParser.parse(list("spec/").stream()
        .map(p -> Map.entry(p, read(p)))
        .toList());
  }
}
