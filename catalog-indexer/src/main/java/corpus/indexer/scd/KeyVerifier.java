package corpus.indexer.scd;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an entity key against the data: (key, valid_from) must be unique. A declared key is
 * verified as written; an inferred one is shortened to the smallest leading part of it that is
 * unique, since schemas often put more than the key before the validity columns.
 */
public final class KeyVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(KeyVerifier.class);

  private final QueryRunner runner;
  private final String farFuture;

  public KeyVerifier(QueryRunner runner, String farFuture) {
    this.runner = runner;
    this.farFuture = farFuture;
  }

  /** The table with its key verified (or, when inferred, narrowed and verified). */
  public ScdTable verify(ScdTable scd) throws Exception {
    List<String> columns = scd.key().columns();
    if (columns.isEmpty()) {
      return scd;
    }
    ScdSql sql = new ScdSql(scd, runner.dialect(), farFuture);
    if (scd.key().source().declared()) {
      return scd.withKey(scd.key().withVerified(unique(sql, columns)));
    }
    for (int n = 1; n <= columns.size(); n++) {
      List<String> prefix = columns.subList(0, n);
      if (unique(sql, prefix)) {
        LOG.debug("Inferred key of {} verified: {}", scd.id(), prefix);
        return scd.withKey(new ScdKey(prefix, ScdKey.Source.INFERRED, true));
      }
    }
    return scd.withKey(scd.key().withVerified(false));
  }

  private boolean unique(ScdSql sql, List<String> columns) throws Exception {
    QueryResult r = runner.run(sql.duplicateCount(columns), 1);
    return !r.rows().isEmpty() && "0".equals(r.rows().getFirst().getFirst());
  }
}
