package corpus.app.workbench;

import corpus.indexer.warehouse.Pricing;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * The workbench's limits on spending, shared by its tabs: the budget of one query (maximum bytes billed; a
 * query over it is refused) and the size above which a run asks for confirmation first.
 */
public final class Guardrails {

  /** Budget choices offered in the toolbar. */
  public static final long[] BUDGETS = {Pricing.TIB / 1024 / 1024 * 100, Pricing.TIB / 1024, Pricing.TIB / 1024 * 10,
      Pricing.TIB / 1024 * 100, Pricing.TIB};

  private final LongProperty maxBytesBilled = new SimpleLongProperty(this, "maxBytesBilled", Pricing.TIB / 1024 * 10);
  private final LongProperty confirmAbove = new SimpleLongProperty(this, "confirmAbove", Pricing.TIB / 1024);

  /** Bytes billed above which a query is refused (BigQuery's {@code maximumBytesBilled}). */
  public LongProperty maxBytesBilledProperty() {
    return maxBytesBilled;
  }

  /** Bytes billed above which the user must confirm a run. */
  public LongProperty confirmAboveProperty() {
    return confirmAbove;
  }
}
