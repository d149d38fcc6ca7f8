package org.spectraledge.kernel.runtime;

import java.util.function.LongSupplier;

import org.spectraledge.kernel.display.ProgressBar;
/**
 * A progress display that updates in place: one output (a display id) showing a {@link ProgressBar}, replaced as the
 * work advances. Redraws are throttled to at most one per {@value #MIN_INTERVAL_MILLIS} ms (the last frame always
 * shows), so a fast loop can call {@link #update} every iteration.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("sweep", runs.size())) {
 *     for (int i = 0; i < runs.size(); i++) { run(i); p.update(i + 1, "seed " + i); }
 * }
 * }</pre>
 *
 * Not thread-safe: update it from the thread doing the work. (A terminal has its own progress line in the command
 * line tools.)
 */
public final class Progress implements AutoCloseable {

    /** Least time between two redraws: at most five a second. */
    public static final long MIN_INTERVAL_MILLIS = 200;

    private final String label;
    private final OutputSink sink;
    private final LongSupplier nanoClock;
    private final long started;
    private final String displayId;
    private long total;
    private long done;
    private String status = "";
    private long lastDraw;
    private boolean finished;

    /** Shows a progress display in the notebook at 0 of {@code total} (0 = total not known). */
    public static Progress start(String label, long total) {
        return start(label, total, OutputSink.notebook());
    }

    /** Shows a progress display at 0 of {@code total} through {@code sink}. */
    public static Progress start(String label, long total, OutputSink sink) {
        return new Progress(label, total, sink, System::nanoTime);
    }

    /** With a clock of nanoseconds (tests pass their own). */
    Progress(String label, long total, OutputSink sink, LongSupplier nanoClock) {
        if (total < 0) throw new IllegalArgumentException("total must be ≥ 0 (0 = not known), got " + total);
        this.label = label;
        this.total = total;
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDraw = started;
        this.displayId = sink.display(frame());
    }

    /** The display id of the output, for {@link Display#updateDisplay} if you want to replace it yourself. */
    public String displayId() {
        return displayId;
    }

    /** The frame as it would be drawn now. */
    public ProgressBar frame() {
        return new ProgressBar(label, done, total, (nanoClock.getAsLong() - started) / 1e9, status, finished);
    }

    /** Changes the total (for work whose size is learnt on the way). */
    public void setTotal(long total) {
        if (total < 0) throw new IllegalArgumentException("total must be ≥ 0 (0 = not known), got " + total);
        this.total = total;
    }

    /** Reports {@code done} units; redraws unless the last redraw was less than {@value #MIN_INTERVAL_MILLIS} ms ago. */
    public void update(long done) {
        update(done, status);
    }

    /** Reports {@code done} units and a new status line. */
    public void update(long done, String status) {
        if (finished) return;
        this.done = done;
        this.status = status == null ? "" : status;
        long now = nanoClock.getAsLong();
        if (now - lastDraw >= MIN_INTERVAL_MILLIS * 1_000_000L) {
            lastDraw = now;
            sink.update(displayId, frame());
        }
    }

    /** Draws the last frame with a closing status (e.g. why the work stopped); later updates are ignored. */
    public void finish(String status) {
        if (finished) return;
        this.status = status == null ? "" : status;
        finished = true;
        sink.update(displayId, frame());
    }

    /** Draws the last frame with the current status. */
    @Override
    public void close() {
        finish(status);
    }
}
