package corpus.app.lineage;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * The straight segments of a drawing's edges in a uniform grid, to find those that cross a rectangle (what to
 * paint for the part on screen) or the one nearest a point (what a click hits) without looking at the others.
 * Built once per drawing; the cost of a query depends on what is in the rectangle, not on the graph.
 *
 * <pre>{@code
 * SegmentIndex index = new SegmentIndex(drawing);
 * index.forEachIn(0, 0, 800, 600, segment -> paint(index.link(segment)));
 * }</pre>
 *
 * Not thread-safe: queries share a visit stamp (the view uses it on the UI thread only).
 */
final class SegmentIndex {

  /** Side of a grid cell, in drawing units. */
  private static final double CELL = 160;

  private final double[] ax;
  private final double[] ay;
  private final double[] bx;
  private final double[] by;
  private final int[] link;
  private final boolean[] last;
  private final int columns;
  private final int rows;
  private final int[][] cells;
  private final int[] seen;
  private int stamp;

  SegmentIndex(LineageDrawing drawing) {
    int count = 0;
    for (LineageDrawing.DrawnLink l : drawing.links()) {
      count += Math.max(0, l.points().size() - 1);
    }
    ax = new double[count];
    ay = new double[count];
    bx = new double[count];
    by = new double[count];
    link = new int[count];
    last = new boolean[count];
    seen = new int[count];
    int s = 0;
    for (int i = 0; i < drawing.links().size(); i++) {
      List<GraphLayout.Point> pts = drawing.links().get(i).points();
      for (int k = 0; k + 1 < pts.size(); k++, s++) {
        ax[s] = pts.get(k).x();
        ay[s] = pts.get(k).y();
        bx[s] = pts.get(k + 1).x();
        by[s] = pts.get(k + 1).y();
        link[s] = i;
        last[s] = k + 2 == pts.size();
      }
    }
    columns = Math.max(1, (int) Math.ceil(drawing.width() / CELL) + 1);
    rows = Math.max(1, (int) Math.ceil(drawing.height() / CELL) + 1);
    int[] fill = new int[columns * rows];
    for (int i = 0; i < count; i++) {
      forEachCell(i, cell -> fill[cell]++);
    }
    cells = new int[fill.length][];
    for (int c = 0; c < fill.length; c++) {
      cells[c] = new int[fill[c]];
    }
    for (int i = 0; i < count; i++) {
      int segment = i;
      forEachCell(i, cell -> cells[cell][--fill[cell]] = segment);
    }
  }

  /** Calls {@code action} with the index of every grid cell the bounding box of segment {@code s} meets. */
  private void forEachCell(int s, IntConsumer action) {
    int c0 = column(Math.min(ax[s], bx[s]));
    int c1 = column(Math.max(ax[s], bx[s]));
    int r0 = row(Math.min(ay[s], by[s]));
    int r1 = row(Math.max(ay[s], by[s]));
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        action.accept(r * columns + c);
      }
    }
  }

  private int column(double x) {
    return Math.clamp((long) Math.floor(x / CELL), 0, columns - 1);
  }

  private int row(double y) {
    return Math.clamp((long) Math.floor(y / CELL), 0, rows - 1);
  }

  /** How many segments there are. */
  int size() {
    return ax.length;
  }

  /** Calls {@code action} once with every segment whose bounding box meets the rectangle. */
  void forEachIn(double minX, double minY, double maxX, double maxY, IntConsumer action) {
    if (ax.length == 0 || maxX < minX || maxY < minY) {
      return;
    }
    stamp++;
    int c0 = column(minX);
    int c1 = column(maxX);
    int r0 = row(minY);
    int r1 = row(maxY);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        for (int s : cells[r * columns + c]) {
          if (seen[s] != stamp) {
            seen[s] = stamp;
            if (Math.max(ax[s], bx[s]) >= minX && Math.min(ax[s], bx[s]) <= maxX
                && Math.max(ay[s], by[s]) >= minY && Math.min(ay[s], by[s]) <= maxY) {
              action.accept(s);
            }
          }
        }
      }
    }
  }

  /** The segment nearest to {@code (x, y)} within {@code tolerance}, or -1 when none is that close. */
  int nearest(double x, double y, double tolerance) {
    double[] best = {tolerance * tolerance, -1};
    forEachIn(x - tolerance, y - tolerance, x + tolerance, y + tolerance, s -> {
      double d = distanceSquared(s, x, y);
      if (d <= best[0]) {
        best[0] = d;
        best[1] = s;
      }
    });
    return (int) best[1];
  }

  private double distanceSquared(int s, double x, double y) {
    double dx = bx[s] - ax[s];
    double dy = by[s] - ay[s];
    double length = dx * dx + dy * dy;
    double t = length == 0 ? 0 : Math.clamp(((x - ax[s]) * dx + (y - ay[s]) * dy) / length, 0, 1);
    double px = ax[s] + t * dx - x;
    double py = ay[s] + t * dy - y;
    return px * px + py * py;
  }

  /**
   * The longest part of edge {@code link} (its index in the drawing's links) inside the rectangle, as
   * {@code {x0, y0, x1, y1}}, or null when no part of it is inside.
   */
  double[] longestPiece(int link, double minX, double minY, double maxX, double maxY) {
    double[] best = null;
    double longest = -1;
    for (int s = 0; s < ax.length; s++) {
      if (this.link[s] != link) {
        continue;
      }
      double[] piece = clip(ax[s], ay[s], bx[s], by[s], minX, minY, maxX, maxY);
      if (piece != null && Math.hypot(piece[2] - piece[0], piece[3] - piece[1]) > longest) {
        longest = Math.hypot(piece[2] - piece[0], piece[3] - piece[1]);
        best = piece;
      }
    }
    return best;
  }

  /** The part of segment {@code a-b} inside the rectangle (Liang-Barsky), as {x0, y0, x1, y1}, or null. */
  private static double[] clip(double ax, double ay, double bx, double by, double minX, double minY, double maxX,
      double maxY) {
    double t0 = 0;
    double t1 = 1;
    double dx = bx - ax;
    double dy = by - ay;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {ax - minX, maxX - ax, ay - minY, maxY - ay};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    return t0 > t1 ? null : new double[] {ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy};
  }

  /** Index in the drawing's links of the edge segment {@code s} belongs to. */
  int link(int s) {
    return link[s];
  }

  /** Whether segment {@code s} is the last of its edge (it ends in the arrow head). */
  boolean last(int s) {
    return last[s];
  }

  double ax(int s) {
    return ax[s];
  }

  double ay(int s) {
    return ay[s];
  }

  double bx(int s) {
    return bx[s];
  }

  double by(int s) {
    return by[s];
  }
}
