package org.spectraledge.kernel.runtime;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A figure that re-renders in place while work runs: call {@link #tick} once per unit of work (a step, a window)
 * with a way to build the figure; every {@code k}-th tick it is built and shown in one output (a display id),
 * replacing the previous drawing. Building and encoding a chart costs tens of milliseconds, so redraws are also
 * spaced at least {@code minIntervalMillis} apart. {@link #show} draws the final state unconditionally.
 *
 * <pre>{@code
 * LiveFigure live = LiveFigure.every(20);
 * for (...) { ...; live.tick(() -> SpectrumFigures.sigmaTrajectories(windows, 4)); }
 * live.show(SpectrumFigures.sigmaTrajectories(windows, 4));
 * }</pre>
 */
public final class LiveFigure {

    /** Default least time between two redraws. */
    public static final long DEFAULT_MIN_INTERVAL_MILLIS = 1_000;

    private final int every;
    private final long minIntervalNanos;
    private final OutputSink sink;
    private final LongSupplier nanoClock;
    private String displayId;
    private long ticks;
    private long lastDrawTick;
    private long lastDraw;
    private int draws;

    /** Redraws in the notebook every {@code k} ticks (and at most once a second). */
    public static LiveFigure every(int k) {
        return every(k, OutputSink.notebook());
    }

    /** Redraws through {@code sink} every {@code k} ticks (and at most once a second). */
    public static LiveFigure every(int k, OutputSink sink) {
        return new LiveFigure(k, DEFAULT_MIN_INTERVAL_MILLIS, sink, System::nanoTime);
    }

    /**
     * @param k                 redraw every this many ticks (at least 1)
     * @param minIntervalMillis least time between two redraws (0 = none)
     * @param nanoClock         the clock (tests pass their own)
     */
    LiveFigure(int k, long minIntervalMillis, OutputSink sink, LongSupplier nanoClock) {
        if (k < 1) throw new IllegalArgumentException("redraw every k ≥ 1 ticks, got k = " + k);
        if (minIntervalMillis < 0) throw new IllegalArgumentException("the least redraw interval must be ≥ 0 ms, got " + minIntervalMillis);
        this.every = k;
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    /** Counts one unit of work; builds and draws the figure when {@code k} ticks have passed since the last drawing. */
    public void tick(Supplier<?> figure) {
        ticks++;
        if (ticks - lastDrawTick < every) return;
        long now = nanoClock.getAsLong();
        if (draws > 0 && now - lastDraw < minIntervalNanos) return;
        draw(figure.get(), now);
    }

    /** Draws {@code figure} now (the final state). */
    public void show(Object figure) {
        draw(figure, nanoClock.getAsLong());
    }

    /** How many times the figure was drawn. */
    public int draws() {
        return draws;
    }

    /** The output's display id; null before the first drawing. */
    public String displayId() {
        return displayId;
    }

    private void draw(Object figure, long now) {
        if (displayId == null) displayId = sink.display(figure);
        else sink.update(displayId, figure);
        lastDraw = now;
        lastDrawTick = ticks;
        draws++;
    }
}
