package corpus.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentIndexTest {

  private static final LineageSubgraph.Link AB = new LineageSubgraph.Link("a", "b", Derivation.IDENTITY, List.of());
  private static final LineageSubgraph.Link AC = new LineageSubgraph.Link("a", "c", Derivation.IDENTITY, List.of());

  /** a-b: a long near-vertical route through several grid cells; a-c: a short horizontal one. */
  private static final LineageDrawing DRAWING = new LineageDrawing(List.of(), List.of(
      new LineageDrawing.DrawnLink(AB, List.of(p(100, 50), p(200, 50), p(270, 3000), p(400, 3000))),
      new LineageDrawing.DrawnLink(AC, List.of(p(100, 60), p(200, 60), p(270, 80)))), 1000, 3200, 0);

  @Test
  void findsTheSegmentsCrossingARectangleOnce() {
    SegmentIndex index = new SegmentIndex(DRAWING);
    assertThat(index.size()).isEqualTo(5);
    List<Integer> found = new ArrayList<>();
    index.forEachIn(230, 1000, 260, 2000, found::add); // only the long diagonal of a-b passes here
    assertThat(found).hasSize(1);
    assertThat(index.link(found.getFirst())).isZero();
    assertThat(index.last(found.getFirst())).isFalse();
    found.clear();
    index.forEachIn(0, 0, 1000, 3200, found::add);
    assertThat(found).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void aPointNearAnEdgeHitsItAndAPointAwayHitsNothing() {
    SegmentIndex index = new SegmentIndex(DRAWING);
    assertThat(index.link(index.nearest(150, 52, 5))).as("2 from a-b, 8 from a-c").isZero();
    assertThat(index.link(index.nearest(150, 58, 5))).isEqualTo(1);
    assertThat(index.link(index.nearest(235, 1525, 5))).as("on the diagonal").isZero();
    assertThat(index.nearest(150, 200, 5)).isEqualTo(-1);
  }

  @Test
  void longestPieceInARectangleIsClippedToIt() {
    SegmentIndex index = new SegmentIndex(DRAWING);
    double[] piece = index.longestPiece(0, 0, 0, 1000, 1000);
    assertThat(piece[1]).isEqualTo(50);
    assertThat(piece[3]).isEqualTo(1000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(index.longestPiece(1, 500, 500, 600, 600)).isNull();
  }

  private static GraphLayout.Point p(double x, double y) {
    return new GraphLayout.Point(x, y);
  }
}
