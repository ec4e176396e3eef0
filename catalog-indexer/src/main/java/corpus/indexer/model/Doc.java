package corpus.indexer.model;

import java.util.List;

/**
 * A design document: {@code id} is its path relative to the docs folder it was crawled from,
 * {@code mentions} the raw table references found in its text ({@code project.dataset.table} or
 * {@code dataset.table}), resolved against the catalog when it is indexed.
 */
public record Doc(String id, String title, String path, List<DocSection> sections, List<String> mentions) {

  public Doc {
    sections = sections == null ? List.of() : List.copyOf(sections);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  /** The file name without extension, e.g. {@code soundwave-prod.creator.daily_creator_metrics}. */
  public String baseName() {
    String name = id.substring(id.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
