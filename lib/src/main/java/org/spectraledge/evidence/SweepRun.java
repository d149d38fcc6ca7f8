package org.spectraledge.evidence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.GapSeries;

/**
 * One run of a sweep folder, as the precursor evaluation needs it: its label (grokked or not), its evaluations and
 * its per-window gap quantities.
 *
 * @param runId the run's id (its folder name under {@code runs/})
 * @param folder the run folder
 * @param grokStep {@code grokked_step} of {@code summary.json}; empty when the run did not grok (a negative run)
 * @param evals the rows of {@code metrics.csv}
 * @param windows g₂₃, R ({@code gap_ratio}, the headline rule) and 𝒜 of the window CSV, NaN where a cell is empty
 */
public record SweepRun(String runId, Path folder, OptionalLong grokStep, EvalLog evals, GapSeries windows) {
    public SweepRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(grokStep, "grokStep");
        Objects.requireNonNull(evals, "evals");
        Objects.requireNonNull(windows, "windows");
    }

    /** Whether the run is a positive (it grokked within its budget). */
    public boolean positive() {
        return grokStep.isPresent();
    }

    /** Step of the last window; the run's windows reach this far. */
    public long lastWindowStep() {
        long[] s = windows.steps();
        return s.length == 0 ? Long.MIN_VALUE : s[s.length - 1];
    }
}
