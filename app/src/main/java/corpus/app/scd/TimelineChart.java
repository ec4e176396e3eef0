package corpus.app.scd;

import corpus.indexer.scd.EntityHistory;
import corpus.indexer.scd.EntityVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The validity intervals of an entity's versions on a time axis, one lane per full key: each
 * version a bar (open versions run to the right edge), gaps as hatched red spaces, overlaps as red
 * bands where two versions are valid at once, a deleted entity marked at its end.
 */
public final class TimelineChart extends Pane {

  static final String VERSION = "timeline-version";
  static final String CURRENT = "timeline-current";
  static final String GAP = "timeline-gap";
  static final String OVERLAP = "timeline-overlap";
  static final String DELETED = "timeline-deleted";
  static final String LANE_LABEL = "timeline-lane";

  private static final double LABEL_WIDTH = 190;
  private static final double LANE_HEIGHT = 30;
  private static final double BAR_HEIGHT = 16;
  private static final double AXIS_HEIGHT = 24;

  private final Pane canvas = this;
  private EntityHistory history;
  private double drawnWidth = -1;

  public TimelineChart() {
    getStyleClass().add("timeline");
    setMinHeight(LANE_HEIGHT + AXIS_HEIGHT);
    widthProperty().addListener((obs, old, now) -> {
      if (Math.abs(now.doubleValue() - drawnWidth) > 0.5) {
        redraw();
      }
    });
  }

  /** Shows a history (null clears the chart). */
  public void show(EntityHistory h) {
    history = h;
    int lanes = h == null ? 0 : h.lanes().size();
    setPrefHeight(Math.max(1, lanes) * LANE_HEIGHT + AXIS_HEIGHT + 8);
    redraw();
  }

  /** Rebuilds the bars for the current width (never during a layout pass). */
  private void redraw() {
    drawnWidth = getWidth();
    canvas.getChildren().clear();
    if (history == null || history.lanes().isEmpty()) {
      return;
    }
    double plotLeft = LABEL_WIDTH;
    double plotWidth = Math.max(50, getWidth() - plotLeft - 16);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (EntityHistory.Lane lane : history.lanes()) {
      for (EntityVersion v : lane.versions()) {
        min = Math.min(min, day(v.validFrom()));
        max = Math.max(max, v.open() ? day(v.validFrom()) : day(v.validTo()));
      }
    }
    long span = Math.max(30, max - min);
    long end = max + span / 8;
    long start = min - span / 20;
    double scale = plotWidth / (end - start);
    int row = 0;
    for (EntityHistory.Lane lane : history.lanes()) {
      double y = row * LANE_HEIGHT + 6;
      Label name = new Label(lane.label());
      name.getStyleClass().add(LANE_LABEL);
      name.relocate(4, y);
      name.setMaxWidth(LABEL_WIDTH - 8);
      canvas.getChildren().add(name);
      EntityVersion previous = null;
      int n = 0;
      for (EntityVersion v : lane.versions()) {
        n++;
        double x0 = plotLeft + (day(v.validFrom()) - start) * scale;
        double x1 = v.open() ? plotLeft + plotWidth : plotLeft + (day(v.validTo()) - start) * scale;
        Rectangle bar = new Rectangle(x0, y, Math.max(2, x1 - x0), BAR_HEIGHT);
        bar.getStyleClass().add(VERSION);
        if (v.current()) {
          bar.getStyleClass().add(CURRENT);
        }
        Tooltip.install(bar, new Tooltip("v" + n + "  " + v.validFrom() + " → " + (v.open() ? "open" : v.validTo())
            + (v.changed().isEmpty() ? "" : "\nchanged: " + String.join(", ", v.changed()))));
        canvas.getChildren().add(bar);
        if (previous != null && v.gapBefore()) {
          double g0 = plotLeft + (day(previous.validTo()) - start) * scale;
          Rectangle gap = new Rectangle(g0, y + 3, Math.max(2, x0 - g0), BAR_HEIGHT - 6);
          gap.getStyleClass().add(GAP);
          Tooltip.install(gap, new Tooltip("gap: " + previous.validTo() + " → " + v.validFrom()));
          canvas.getChildren().add(gap);
        }
        if (previous != null && v.overlapsPrevious()) {
          double o1 = previous.open() ? plotLeft + plotWidth : plotLeft + (day(previous.validTo()) - start) * scale;
          Rectangle overlap = new Rectangle(x0, y - 3, Math.max(2, Math.min(o1, x1) - x0), BAR_HEIGHT + 6);
          overlap.getStyleClass().add(OVERLAP);
          Tooltip.install(overlap, new Tooltip("overlap: two versions valid from " + v.validFrom()));
          canvas.getChildren().add(overlap);
        }
        previous = v;
      }
      if (lane.deleted() && previous != null) {
        Label deleted = new Label("✕ deleted");
        deleted.getStyleClass().add(DELETED);
        double x = previous.open() ? plotLeft + (day(previous.validFrom()) - start) * scale
            : plotLeft + (day(previous.validTo()) - start) * scale;
        deleted.relocate(Math.min(x + 4, plotLeft + plotWidth - 70), y);
        canvas.getChildren().add(deleted);
      }
      row++;
    }
    axis(start, end, scale, plotLeft, row * LANE_HEIGHT + 4);
  }

  private void axis(long start, long end, double scale, double plotLeft, double y) {
    Line line = new Line(plotLeft, y, plotLeft + (end - start) * scale, y);
    line.getStyleClass().add("timeline-axis");
    canvas.getChildren().add(line);
    List<LocalDate> ticks = new ArrayList<>();
    LocalDate first = LocalDate.ofEpochDay(start);
    boolean years = end - start > 3 * 365;
    LocalDate t = years ? LocalDate.of(first.getYear() + 1, 1, 1) : first.withDayOfMonth(1).plusMonths(1);
    while (t.toEpochDay() < end && ticks.size() < 40) {
      ticks.add(t);
      t = years ? t.plusYears(1) : t.plusMonths(end - start > 400 ? 3 : 1);
    }
    for (LocalDate tick : ticks) {
      double x = plotLeft + (tick.toEpochDay() - start) * scale;
      if (x > getWidth() - 50) {
        break;
      }
      Label label = new Label(years ? String.valueOf(tick.getYear()) : tick.toString().substring(0, 7));
      label.getStyleClass().add("timeline-tick");
      label.relocate(x - 14, y + 3);
      canvas.getChildren().add(label);
    }
  }

  /** Days since the epoch of an ISO date or date-time text. */
  static long day(String iso) {
    return LocalDate.parse(iso.substring(0, 10)).toEpochDay();
  }
}
