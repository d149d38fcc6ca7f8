package org.spectraledge.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.spectraledge.kernel.display.ProgressBar;

/**
 * A progress line on a terminal, rewritten in place ({@code \r}): the text of a {@link ProgressBar} frame, as notebooks
 * show it in plain text. When the stream is not a terminal it stays silent, so logs and pipes get only the final
 * summary.
 */
final class ProgressLine {
    private final PrintStream err;
    private final String label;
    private long total;
    private final boolean live;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDraw;

    ProgressLine(PrintStream err, String label, long total) {
        this(err, label, total, err == System.err && System.console() != null, System::nanoTime);
    }

    /**
     * @param live      whether to draw at all (a terminal); the other constructor decides from the console
     * @param nanoClock the time in nanoseconds ({@code System::nanoTime}; tests give their own)
     */
    ProgressLine(PrintStream err, String label, long total, boolean live, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
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
        long now = nanoClock.getAsLong();
        if (done < total && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        ProgressBar frame = new ProgressBar(label, done, total, (now - started) / 1e9, detail, false);
        err.print("\r" + frame.text() + "\033[K");
        err.flush();
    }

    /** Ends the line. */
    void finish() {
        if (live) err.println();
    }
}
