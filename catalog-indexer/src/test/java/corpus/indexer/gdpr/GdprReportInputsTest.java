package corpus.indexer.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.gdpr.report.DataFlow;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.TableId;
import corpus.indexer.source.bigquery.ObservedEdge;
import corpus.indexer.source.bigquery.ObservedPipelines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GdprReportInputsTest {

  @Test
  void edgeObservedInJobHistoryIsADataFlowButPropagatesNoColumnClassification() {
    Pipeline observed = ObservedPipelines.of(new ObservedEdge(TableId.parse("acme.crm.customers"),
        TableId.parse("acme.mart.customer_emails"), List.of("bquxjob_1"), 12, 2, 1_000L,
        Instant.parse("2026-11-20T08:00:00Z"), "CREATE_TABLE_AS_SELECT"), "`acme`.`region-eu`.INFORMATION_SCHEMA.JOBS");

    assertThat(GdprReportInputs.flows(List.of(observed)))
        .containsExactly(new DataFlow("acme.crm.customers", "acme.mart.customer_emails"));
    assertThat(LineageEdges.of(List.of(observed))).as("job history has no column lineage").isEmpty();
  }
}
