package io.github.d1java.cli.internal;

import io.github.d1java.wrangler.SqlProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal: {@code [#######.......] 45% 12.3 MB/s ETA 0:12}, or a
 * count and rate when the total is unknown. Redrawn at most every 100 ms with {@code \r}. Not
 * thread-safe.
 */
final class ProgressBar implements SqlProgress {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String unit;
  private final LongSupplier clock;
  private final long start;
  private long lastDraw = Long.MIN_VALUE;
  private boolean drawn;

  /**
   * @param err where to draw
   * @param unit {@code "B"} for bytes (shown as MB), anything else is a count noun ({@code rows})
   * @param clock nanosecond clock
   */
  public ProgressBar(PrintWriter err, String unit, LongSupplier clock) {
    this.err = err;
    this.unit = unit;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  @Override
  public void update(long done, long total) {
    long now = clock.getAsLong();
    boolean finished = total >= 0 && done >= total;
    if (!finished && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    err.print('\r' + line(done, total, now - start));
    err.flush();
    drawn = true;
  }

  /** Ends the line, if anything was drawn. */
  public void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  /**
   * The text of the bar.
   *
   * @param done units done
   * @param total units in all, or -1
   * @param elapsedNanos time since the start
   * @return the line, without {@code \r}
   */
  public String line(long done, long total, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    double rate = done / seconds;
    String amount = bytes() ? String.format(Locale.ROOT, "%.1f MB", done / 1e6) : done + " " + unit;
    String speed =
        bytes()
            ? String.format(Locale.ROOT, "%.1f MB/s", rate / 1e6)
            : String.format(Locale.ROOT, "%.0f %s/s", rate, unit);
    if (total <= 0) {
      return amount + "  " + speed;
    }
    double fraction = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %s  %s  ETA %d:%02d",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        Math.round(fraction * 100),
        amount,
        speed,
        eta / 60,
        eta % 60);
  }

  private boolean bytes() {
    return "B".equals(unit);
  }
}
