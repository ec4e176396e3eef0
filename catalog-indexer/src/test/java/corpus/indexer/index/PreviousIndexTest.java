package corpus.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.PreviousIndex.TableState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviousIndexTest {

  @Test
  void aTableStateReadsBackAsWritten() {
    for (TableState state : new TableState[] {
        new TableState("c1", "e1", "/export/part-1.ndjson", "1f-abc|export:/export|v1"),
        new TableState("c2", "e2", null, null),
        new TableState("c3", "e3", "/odd\tname.json", "2a-def|export:/x|v1"),
        new TableState("c4", "", "/export/a.json", null)}) {
      assertThat(TableState.decode(state.encode())).isEqualTo(state);
    }
  }

  @Test
  void statesFromOneFileShareItsPath() {
    String path = new String("/export/part-1.ndjson".toCharArray()); // not the literal's instance
    TableState state = TableState.decode(new TableState("c", "e", "/export/part-1.ndjson", "r").encode(),
        Map.of(path, path));
    assertThat(state.origin()).isSameAs(path);
  }

  @Test
  void aStateWithoutRecordAndOriginStillReads() {
    assertThat(TableState.decode("c\te")).isEqualTo(new TableState("c", "e", null, null));
    assertThat(TableState.decode("c\te\tr")).isEqualTo(new TableState("c", "e", null, "r"));
  }
}
