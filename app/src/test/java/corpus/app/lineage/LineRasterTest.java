package corpus.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineRasterTest {

  private static final int GREY = 0xff808080;

  @Test
  void horizontalLineCoversExactlyItsWidth() {
    LineRaster r = new LineRaster(20, 10);
    r.line(2, 5, 18, 5, 2, GREY, null); // covers rows 4 and 5 fully
    assertThat(alpha(r.pixel(10, 4))).isEqualTo(255);
    assertThat(alpha(r.pixel(10, 5))).isEqualTo(255);
    assertThat(r.pixel(10, 3)).isZero();
    assertThat(r.pixel(10, 6)).isZero();
    assertThat(r.pixel(1, 5)).as("before the start").isZero();
    assertThat(r.pixel(18, 5)).as("after the end").isZero();
  }

  @Test
  void thinLineIsFaintAndDashesLeaveGaps() {
    LineRaster r = new LineRaster(40, 4);
    r.line(0, 2.5, 40, 2.5, 0.5, GREY, new double[] {4, 4});
    assertThat(alpha(r.pixel(1, 2))).isBetween(120, 135); // half a pixel of cover
    assertThat(r.pixel(5, 2)).as("in the gap of the dash pattern").isZero();
    assertThat(alpha(r.pixel(9, 2))).isPositive();
  }

  @Test
  void steepLinesAreDrawnAlongTheirWholeLength() {
    LineRaster r = new LineRaster(10, 100);
    r.line(2, 0, 7, 100, 1.4, GREY, null);
    for (int y = 0; y < 100; y++) {
      int covered = 0;
      for (int x = 0; x < 10; x++) {
        covered += alpha(r.pixel(x, y));
      }
      assertThat(covered).as("row %d", y).isBetween(300, 420); // 1.4 px of cover across the row
    }
  }

  @Test
  void linesFarOutsideAreClippedNotWrapped() {
    LineRaster r = new LineRaster(10, 10);
    r.line(-5000, -20000, 5, 5, 1.4, GREY, null);
    r.line(-50, 3, -10, 3, 3, GREY, null);
    int painted = 0;
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        painted += r.pixel(x, y) == 0 ? 0 : 1;
      }
    }
    assertThat(painted).isBetween(5, 20);
  }

  /** A pan moves the picture and paints only the strips that come into view: same pixels as painting afresh. */
  @Test
  void shiftingAndPaintingTheUncoveredStripsGivesThePictureAFreshPaintGives() {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    Random random = new Random(seed);
    double[][] lines = new double[60][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = new double[] {random.nextDouble(-200, 400), random.nextDouble(-200, 400),
          random.nextDouble(-200, 400), random.nextDouble(-200, 400), 0.5 + random.nextDouble(3)};
    }
    int dx = 7;
    int dy = -11;
    LineRaster panned = new LineRaster(200, 150);
    draw(panned, lines, 0, 0);
    panned.scroll(dx, dy, rectangle -> draw(panned, lines, dx, dy));
    LineRaster fresh = new LineRaster(200, 150);
    draw(fresh, lines, dx, dy);
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 200; x++) {
        int a = panned.pixel(x, y);
        int b = fresh.pixel(x, y);
        for (int shift = 0; shift < 32; shift += 8) { // equal up to rounding (the lines moved by whole pixels)
          assertThat((a >>> shift) & 0xff).as("pixel %d,%d (seed %d)", x, y, seed)
              .isCloseTo((b >>> shift) & 0xff, org.assertj.core.data.Offset.offset(2));
        }
      }
    }
  }

  private static void draw(LineRaster r, double[][] lines, double dx, double dy) {
    for (double[] l : lines) {
      r.line(l[0] + dx, l[1] + dy, l[2] + dx, l[3] + dy, l[4], GREY, l[4] > 2 ? new double[] {6, 3} : null);
      r.triangle(l[2] + dx, l[3] + dy, l[2] + dx - 8, l[3] + dy - 3, l[2] + dx - 8, l[3] + dy + 3, GREY);
    }
  }

  private static int alpha(int argb) {
    return argb >>> 24;
  }
}
