package corpus.indexer.gdpr;

import corpus.indexer.index.Indexer;
import corpus.indexer.index.IndexSummary;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import corpus.lineage.StatementLineage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small CRM-and-mart catalog for GDPR tests, built without data (like an export): a users table
 * in an EU dataset, and a mart in a US dataset fed from it by a pipeline that copies the e-mail,
 * hashes it and counts users.
 */
public final class GdprTestCatalog implements CatalogSource {

  public static final String USERS = "acme.crm.users";
  public static final String MART = "acme.mart.user_contacts";
  public static final String SQL = """
      CREATE OR REPLACE TABLE `acme.mart.user_contacts` AS
      SELECT user_id AS uid,
        LOWER(email) AS contact,
        TO_HEX(SHA256(email)) AS email_sha,
        COUNT(*) AS n_sessions
      FROM `acme.crm.users`
      GROUP BY 1, 2, 3""";

  /** Builds the catalog into {@code indexDir}. */
  public static IndexSummary build(Path indexDir) throws Exception {
    return new Indexer(indexDir).run(List.of(new GdprTestCatalog()), ProgressListener.NONE);
  }

  @Override
  public String spec() {
    return "test:gdpr";
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) {
    sink.dataset(new Dataset("acme", "crm", "EU", "Customer accounts", Map.of("owner", "crm-team"),
        null, null));
    sink.dataset(new Dataset("acme", "mart", "US", "Marketing mart", Map.of("owner", "marketing"), null, null));
    Field address = new Field("address", "RECORD", "NULLABLE", "Postal address of the customer", List.of(),
        List.of(Field.of("street", "STRING"), Field.of("city", "STRING")));
    sink.table(Table.builder(TableId.parse(USERS))
        .description("One row per customer account")
        .labels(Map.of("owner", "crm-team"))
        .timePartitioning(new TimePartitioning("DAY", "signup_date", 400L * 86_400_000L, false))
        .numBytes(1_000_000L)
        .schema(List.of(
            new Field("user_id", "STRING", "REQUIRED", "Account id of the customer", List.of(), List.of()),
            new Field("email", "STRING", "NULLABLE", "E-mail address of the customer", List.of(), List.of()),
            Field.of("email_verified", "BOOL"),
            Field.of("full_name", "STRING"),
            Field.of("signup_date", "DATE"),
            Field.of("ip_country", "STRING"),
            address))
        .build());
    sink.table(Table.builder(TableId.parse(MART))
        .description("Contactable customers for campaigns")
        .numBytes(500_000L)
        .schema(List.of(Field.of("uid", "STRING"), Field.of("contact", "STRING"), Field.of("email_sha", "STRING"),
            Field.of("n_sessions", "INT64")))
        .build());
    sink.pipeline(new Pipeline("sql:mart/user_contacts.sql", "sql", "mart/user_contacts.sql", "user_contacts",
        null, SQL, List.of(new StatementLineage("create_table_as", 1, List.of(MART), List.of(USERS), List.of(),
            List.of(
                new ColumnLineage(MART + ".uid", List.of(USERS + ".user_id"), Derivation.IDENTITY),
                new ColumnLineage(MART + ".contact", List.of(USERS + ".email"), Derivation.TRANSFORMATION),
                new ColumnLineage(MART + ".email_sha", List.of(USERS + ".email"), Derivation.TRANSFORMATION),
                new ColumnLineage(MART + ".n_sessions", List.of(), Derivation.AGGREGATION)),
            List.of(), List.of(), null)), false));
  }
}
