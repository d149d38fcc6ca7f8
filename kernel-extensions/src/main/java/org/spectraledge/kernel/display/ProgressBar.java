package org.spectraledge.kernel.display;

import java.util.Locale;
import java.util.OptionalDouble;

import org.spectraledge.kernel.runtime.Progress;
/**
 * One frame of a progress display: how far some work has come. {@link Progress} shows a sequence of these in one
 * output; the kernel renders a frame as {@code text/html} (a bar) with {@link #text()} as the {@code text/plain}
 * fallback.
 *
 * @param label          what is running, e.g. {@code train}
 * @param done           units done so far
 * @param total          units in all; 0 when not known
 * @param elapsedSeconds wall time since the work started
 * @param status         a short status line (loss, accuracy, …); may be empty
 * @param finished       whether this is the last frame
 */
public record ProgressBar(String label, long done, long total, double elapsedSeconds, String status, boolean finished) {

    private static final int TEXT_WIDTH = 30;

    public ProgressBar {
        if (label == null || status == null) throw new IllegalArgumentException("label and status must not be null (use \"\")");
        if (done < 0 || total < 0) throw new IllegalArgumentException("done and total must be ≥ 0, got " + done + " of " + total);
        if (!(elapsedSeconds >= 0)) throw new IllegalArgumentException("elapsed time must be ≥ 0 s, got " + elapsedSeconds);
    }

    /** done / total in [0, 1]; 0 when the total is not known. */
    public double fraction() {
        return total == 0 ? 0 : Math.min(1, (double) done / total);
    }

    /**
     * Estimated seconds left, assuming the rate so far holds: elapsed · (total − done) / done. Empty before the first
     * unit, without a total, and on the last frame.
     */
    public OptionalDouble etaSeconds() {
        if (finished || total == 0 || done == 0) return OptionalDouble.empty();
        return OptionalDouble.of(elapsedSeconds * Math.max(0, total - done) / done);
    }

    /** {@code train [#########      ] 120/3000  4.1 s  ETA 1:39  loss 0.2} */
    public String text() {
        int filled = (int) Math.round(TEXT_WIDTH * fraction());
        String bar = "[" + "#".repeat(filled) + " ".repeat(TEXT_WIDTH - filled) + "]";
        return (label + " " + bar + " " + counts() + "  " + times() + (status.isEmpty() ? "" : "  " + status)).strip();
    }

    /** A bar with the counts, times and status beside it (inline styles only: notebooks strip style sheets). */
    public String html() {
        String percent = String.format(Locale.ROOT, "%.1f", 100 * fraction());
        String colour = finished && done < total ? "#c44e52" : "#4c72b0";
        return "<div class=\"spectral-edge-progress\" style=\"font-family:monospace;display:flex;align-items:center;gap:0.6em\">"
                + "<span>" + Html.escape(label) + "</span>"
                + "<div style=\"width:240px;height:12px;background:#e5e5e5;border-radius:3px;overflow:hidden\">"
                + "<div style=\"width:" + percent + "%;height:100%;background:" + colour + "\"></div></div>"
                + "<span>" + counts() + "</span><span>" + Html.escape(times()) + "</span>"
                + (status.isEmpty() ? "" : "<span>" + Html.escape(status) + "</span>")
                + "</div>";
    }

    @Override
    public String toString() {
        return text();
    }

    private String counts() {
        return total == 0 ? Long.toString(done) : done + "/" + total;
    }

    private String times() {
        String elapsed = clock(elapsedSeconds);
        OptionalDouble eta = etaSeconds();
        return eta.isPresent() ? elapsed + "  ETA " + clock(eta.getAsDouble()) : elapsed;
    }

    /** {@code 4.1 s} below a minute, else {@code m:ss} or {@code h:mm:ss}. */
    public static String clock(double seconds) {
        if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

}
