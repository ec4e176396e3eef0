package corpus.indexer.source.duckdb;

import java.util.List;

/**
 * A DuckDB column type as a tree, parsed from the type strings of {@code duckdb_columns()} by
 * {@link DuckDbTypeParser}: a scalar such as {@code DECIMAL(38,9)}, a {@code STRUCT}, a list
 * ({@code X[]} or fixed-size {@code X[3]}), a {@code MAP} or a {@code UNION}.
 */
public sealed interface DuckDbType {

  /** A named field of a STRUCT or UNION. */
  record Member(String name, DuckDbType type) {}

  /** A non-nested type: {@code name} upper case (e.g. {@code TIMESTAMP WITH TIME ZONE}). */
  record Scalar(String name, List<String> params) implements DuckDbType {
    public Scalar {
      params = List.copyOf(params);
    }
  }

  record Struct(List<Member> members) implements DuckDbType {
    public Struct {
      members = List.copyOf(members);
    }
  }

  /** {@code element[]}, or {@code element[size]} for DuckDB's fixed-size ARRAY (size not null). */
  record ListOf(DuckDbType element, Integer size) implements DuckDbType {}

  record MapOf(DuckDbType key, DuckDbType value) implements DuckDbType {}

  record Union(List<Member> members) implements DuckDbType {
    public Union {
      members = List.copyOf(members);
    }
  }
}
