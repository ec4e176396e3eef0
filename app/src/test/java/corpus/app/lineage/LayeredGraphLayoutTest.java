package corpus.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The layered layout used for big lineage graphs: readable (left to right, no overlaps) and complete. */
class LayeredGraphLayoutTest {

  @Test
  void twoThousandNodesAreLaidOutLeftToRightWithoutOverlaps() {
    GraphLayout.Graph graph = dag(2_000, 3_000, new Random(20261122L));

    GraphLayout.Result result = new LayeredGraphLayout().layout(graph);

    assertThat(result.boxes()).hasSize(2_000);
    assertThat(result.routes()).hasSize(3_000);
    List<GraphLayout.Box> boxes = new ArrayList<>(result.boxes().values());
    boxes.sort((a, b) -> Double.compare(a.x(), b.x()));
    for (int i = 0; i < boxes.size(); i++) {
      GraphLayout.Box a = boxes.get(i);
      for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < a.x() + a.width(); j++) {
        GraphLayout.Box b = boxes.get(j);
        boolean overlap = b.y() < a.y() + a.height() && a.y() < b.y() + b.height();
        assertThat(overlap).as("%s overlaps %s", a, b).isFalse();
      }
    }
    Map<String, GraphLayout.Box> byId = result.boxes();
    for (GraphLayout.Route route : result.routes()) {
      GraphLayout.Box from = byId.get(route.from());
      GraphLayout.Box to = byId.get(route.to());
      assertThat(from.x() + from.width()).as("%s -> %s runs left to right", route.from(), route.to())
          .isLessThanOrEqualTo(to.x());
      assertThat(route.points()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(route.points().getFirst().x()).isCloseTo(from.x() + from.width(), org.assertj.core.data.Offset.offset(1.0));
      assertThat(route.points().getLast().x()).isCloseTo(to.x(), org.assertj.core.data.Offset.offset(1.0));
    }
    assertThat(result.width()).isPositive();
    assertThat(result.height()).isPositive();
  }

  @Test
  void smallGraphsStayWithElkAndBigOnesUseTheLayeredLayout() {
    GraphLayout small = g -> new GraphLayout.Result(Map.of(), List.of(), 1, 1);
    GraphLayout big = g -> new GraphLayout.Result(Map.of(), List.of(), 2, 2);
    GraphLayout chosen = GraphLayout.bySize(300, small, big);
    assertThat(chosen.layout(dag(300, 10, new Random(1))).width()).isEqualTo(1);
    assertThat(chosen.layout(dag(301, 10, new Random(1))).width()).isEqualTo(2);
  }

  /** A random DAG: edges only from a lower to a higher node number, as lineage flows from sources onwards. */
  private static GraphLayout.Graph dag(int nodes, int edges, Random random) {
    List<GraphLayout.Node> ns = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      ns.add(new GraphLayout.Node("p.d.t" + i, 140 + random.nextInt(80), 44));
    }
    List<GraphLayout.Edge> es = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (es.size() < edges) {
      int a = random.nextInt(nodes - 1);
      int b = a + 1 + random.nextInt(Math.min(40, nodes - a - 1));
      if (seen.add(a + ">" + b)) {
        es.add(new GraphLayout.Edge("p.d.t" + a, "p.d.t" + b));
      }
    }
    return new GraphLayout.Graph(ns, es);
  }
}
