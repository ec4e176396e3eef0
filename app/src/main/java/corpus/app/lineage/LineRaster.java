package corpus.app.lineage;

import java.util.Arrays;

/**
 * Anti-aliased straight lines (any width, optionally dashed) and triangles drawn straight into an array of
 * premultiplied ARGB pixels. The lineage view paints its edges with it because the software renderer JavaFX
 * falls back to without a GPU needed 20-70 ms per frame to stroke the edges of a big graph on a canvas; this
 * costs a few milliseconds, in proportion to the pixels the lines cover. Coverage is exact for the line's
 * cross-section along the minor axis (box filter), which is what a stroke of that width covers.
 *
 * <pre>{@code
 * LineRaster r = new LineRaster(800, 600);
 * r.line(10, 10, 700, 400, 1.4, 0xff8c959f, null);
 * }</pre>
 */
final class LineRaster {

  private final int width;
  private final int height;
  private final int[] pixels;
  private int clipX0;
  private int clipY0;
  private int clipX1;
  private int clipY1;

  LineRaster(int width, int height) {
    this(width, height, new int[Math.max(1, width * height)]);
  }

  LineRaster(int width, int height, int[] pixels) {
    if (pixels.length < width * height) {
      throw new IllegalArgumentException("need " + width * height + " pixels, got " + pixels.length);
    }
    this.width = width;
    this.height = height;
    this.pixels = pixels;
    noClip();
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The pixel at {@code (x, y)}, premultiplied ARGB. */
  int pixel(int x, int y) {
    return pixels[y * width + x];
  }

  /** Makes every pixel transparent. */
  void clear() {
    Arrays.fill(pixels, 0, width * height, 0);
  }

  /**
   * Limits drawing to the pixels from {@code (x0, y0)} (included) to {@code (x1, y1)} (excluded). A pixel inside
   * gets exactly the value it would get without the clip, so a picture can be painted in pieces.
   */
  void clip(int x0, int y0, int x1, int y1) {
    clipX0 = Math.max(0, x0);
    clipY0 = Math.max(0, y0);
    clipX1 = Math.min(width, x1);
    clipY1 = Math.min(height, y1);
  }

  /** Drawing may touch every pixel again. */
  void noClip() {
    clip(0, 0, width, height);
  }

  /**
   * Moves the picture by {@code (dx, dy)} pixels and has {@code paint} paint again what that uncovers: it is
   * called with each uncovered rectangle {@code {x0, y0, x1, y1}} (they do not overlap), with the clip set to
   * it. This is how a pan costs only the strips that come into view.
   */
  void scroll(int dx, int dy, java.util.function.Consumer<int[]> paint) {
    if (Math.abs(dx) >= width || Math.abs(dy) >= height) {
      clear();
      paintIn(new int[] {0, 0, width, height}, paint);
      return;
    }
    shift(dx, dy);
    int rowsFrom = 0;
    int rowsTo = height;
    if (dy > 0) {
      paintIn(new int[] {0, 0, width, dy}, paint);
      rowsFrom = dy;
    } else if (dy < 0) {
      paintIn(new int[] {0, height + dy, width, height}, paint);
      rowsTo = height + dy;
    }
    if (dx > 0) {
      paintIn(new int[] {0, rowsFrom, dx, rowsTo}, paint);
    } else if (dx < 0) {
      paintIn(new int[] {width + dx, rowsFrom, width, rowsTo}, paint);
    }
    noClip();
  }

  private void paintIn(int[] rectangle, java.util.function.Consumer<int[]> paint) {
    clip(rectangle[0], rectangle[1], rectangle[2], rectangle[3]);
    paint.accept(rectangle);
  }

  /** Moves the picture by {@code (dx, dy)} pixels; the pixels it uncovers become transparent. */
  private void shift(int dx, int dy) {
    int n = width * height;
    if (Math.abs(dx) >= width || Math.abs(dy) >= height) {
      clear();
      return;
    }
    int offset = dy * width + dx;
    if (offset > 0) {
      System.arraycopy(pixels, 0, pixels, offset, n - offset);
    } else if (offset < 0) {
      System.arraycopy(pixels, -offset, pixels, 0, n + offset);
    }
    if (dy > 0) {
      Arrays.fill(pixels, 0, dy * width, 0);
    } else if (dy < 0) {
      Arrays.fill(pixels, (height + dy) * width, n, 0);
    }
    if (dx != 0) {
      int from = dx > 0 ? 0 : width + dx;
      int to = dx > 0 ? dx : width;
      for (int y = 0; y < height; y++) {
        Arrays.fill(pixels, y * width + from, y * width + to, 0);
      }
    }
  }

  /**
   * Draws the line from {@code (x0, y0)} to {@code (x1, y1)}, {@code lineWidth} pixels wide, in {@code argb}
   * (not premultiplied). {@code dashes} (on, off, on, … lengths in pixels, or null for a solid line) start at
   * {@code (x0, y0)}, so a dashed line keeps its pattern however it is clipped.
   */
  void line(double x0, double y0, double x1, double y1, double lineWidth, int argb, double[] dashes) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    if (dx == 0 && dy == 0) {
      return;
    }
    boolean steep = Math.abs(dy) > Math.abs(dx);
    // work along the major axis u, with the minor axis v = v0 + slope * (u - u0)
    double u0 = steep ? y0 : x0;
    double v0 = steep ? x0 : y0;
    double u1 = steep ? y1 : x1;
    double v1 = steep ? x1 : y1;
    double slope = (v1 - v0) / (u1 - u0);
    double stretch = Math.sqrt(1 + slope * slope); // length of the line per unit of u
    double half = lineWidth * stretch / 2; // half the cross-section along v
    int uMin = steep ? clipY0 : clipX0;
    int uMax = steep ? clipY1 : clipX1;
    int vMin = steep ? clipX0 : clipY0;
    int vMax = steep ? clipX1 : clipY1;
    double uStart = Math.max(Math.min(u0, u1), uMin);
    double uEnd = Math.min(Math.max(u0, u1), uMax);
    if (uStart >= uEnd) {
      return;
    }
    double alpha = (argb >>> 24) * 256 / 255.0;
    int rgb = argb & 0xffffff;
    double period = 0;
    if (dashes != null) {
      for (double d : dashes) {
        period += d;
      }
    }
    int first = (int) Math.floor(uStart);
    int last = (int) Math.ceil(uEnd) - 1;
    for (int u = first; u <= last; u++) {
      // the part of this column (or row) of pixels the line spans along u
      double from = Math.max(u, uStart);
      double to = Math.min(u + 1, uEnd);
      double spanU = to - from;
      if (spanU <= 0) {
        continue;
      }
      double mid = (from + to) / 2;
      if (period > 0 && !dashOn(dashes, period, Math.abs(mid - u0) * stretch)) {
        continue;
      }
      double v = v0 + slope * (mid - u0);
      double lo = v - half;
      double hi = v + half;
      int vFirst = Math.max(vMin, (int) Math.floor(lo));
      int vLast = Math.min(vMax - 1, (int) Math.ceil(hi) - 1);
      for (int p = vFirst; p <= vLast; p++) {
        double cover = (Math.min(p + 1, hi) - Math.max(p, lo)) * spanU;
        int a = (int) (alpha * Math.min(1, cover) + 0.5);
        if (a > 0) {
          blend(steep ? u * width + p : p * width + u, rgb, a);
        }
      }
    }
  }

  private static boolean dashOn(double[] dashes, double period, double along) {
    double at = along % period;
    for (int i = 0; i < dashes.length; i++) {
      if (at < dashes[i]) {
        return i % 2 == 0;
      }
      at -= dashes[i];
    }
    return true;
  }

  /** Fills the triangle with corners {@code (x0, y0), (x1, y1), (x2, y2)} in {@code argb}, 4×4 samples a pixel. */
  void triangle(double x0, double y0, double x1, double y1, double x2, double y2, int argb) {
    int minX = Math.max(clipX0, (int) Math.floor(Math.min(x0, Math.min(x1, x2))));
    int maxX = Math.min(clipX1 - 1, (int) Math.ceil(Math.max(x0, Math.max(x1, x2))));
    int minY = Math.max(clipY0, (int) Math.floor(Math.min(y0, Math.min(y1, y2))));
    int maxY = Math.min(clipY1 - 1, (int) Math.ceil(Math.max(y0, Math.max(y1, y2))));
    double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (area == 0 || minX > maxX || minY > maxY) {
      return;
    }
    double sign = Math.signum(area);
    double alpha = (argb >>> 24) * 256 / 255.0;
    int rgb = argb & 0xffffff;
    for (int py = minY; py <= maxY; py++) {
      for (int px = minX; px <= maxX; px++) {
        int inside = 0;
        for (int sy = 0; sy < 4; sy++) {
          double y = py + (sy + 0.5) / 4;
          for (int sx = 0; sx < 4; sx++) {
            double x = px + (sx + 0.5) / 4;
            if (sign * edge(x0, y0, x1, y1, x, y) >= 0 && sign * edge(x1, y1, x2, y2, x, y) >= 0
                && sign * edge(x2, y2, x0, y0, x, y) >= 0) {
              inside++;
            }
          }
        }
        int a = (int) (alpha * inside / 16 + 0.5);
        if (a > 0) {
          blend(py * width + px, rgb, a);
        }
      }
    }
  }

  private static double edge(double ax, double ay, double bx, double by, double x, double y) {
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  }

  /**
   * Paints the opaque colour {@code rgb} over pixel {@code i} at {@code a}/256 (source over, premultiplied: red
   * and blue are blended together in one multiplication).
   */
  private void blend(int i, int rgb, int a) {
    int dst = pixels[i];
    int keep = 256 - a;
    int rb = (((rgb & 0xff00ff) * a + (dst & 0xff00ff) * keep) >>> 8) & 0xff00ff;
    int g = (((rgb & 0x00ff00) * a + (dst & 0x00ff00) * keep) >>> 8) & 0x00ff00;
    int alpha = (0xff * a + (dst >>> 24) * keep) >>> 8;
    pixels[i] = alpha << 24 | rb | g;
  }
}
