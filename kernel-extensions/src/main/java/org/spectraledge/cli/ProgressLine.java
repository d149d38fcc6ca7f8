package org.spectraledge.cli;

import java.io.PrintStream;

/**
 * A progress line on a terminal that rewrites itself in place ({@code \r}); when the stream is not a terminal it
 * stays silent, so logs and pipes get only the final summary.
 */
final class ProgressLine {
    private final PrintStream err;
    private final String label;
    private long total;
    private final boolean live;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressLine(PrintStream err, String label, long total) {
        this(err, label, total, err == System.err && System.console() != null);
    }

    /** @param live whether to draw at all (a terminal); the other constructor decides from the console */
    ProgressLine(PrintStream err, String label, long total, boolean live) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.live = live;
    }

    /** Changes the total (for work whose size is known only once it starts). */
    void setTotal(long total) {
        this.total = total;
    }

    /** Reports {@code done} of {@code total}; redraws at most ten times a second. */
    void update(long done, String detail) {
        if (!live) return;
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        int width = 30, filled = (int) (width * done / Math.max(1, total));
        double seconds = (now - started) / 1e9;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                + String.format(" %.1fs ", seconds) + detail + "\033[K");
        err.flush();
    }

    /** Ends the line. */
    void finish() {
        if (live) err.println();
    }
}
