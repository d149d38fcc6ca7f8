package org.spectraledge.evidence;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.spectraledge.stats.Estimate;

/**
 * One ROC input: a run's scores at a cutoff, computed from the windows with step ≤ c only.
 *
 * @param runId the run
 * @param positive whether the run grokked
 * @param cutoff c: grok step − H for a positive; the matched positive's cutoff for a negative under
 *     {@link NegativeCutoffs#EACH_CUTOFF}; empty for a negative under {@link NegativeCutoffs#MEDIAN}
 * @param cutoffs number of cutoffs the scores summarise (1, or the cutoffs a negative was scored at)
 * @param scores each {@link CutoffScore}, or why it is not computable for this run
 */
public record ScoredRun(String runId, boolean positive, OptionalLong cutoff, int cutoffs,
                        Map<CutoffScore, Estimate<Double>> scores) {
    public ScoredRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(cutoff, "cutoff");
        scores = Map.copyOf(new EnumMap<>(scores));
        for (CutoffScore s : CutoffScore.values()) {
            if (!scores.containsKey(s)) throw new IllegalArgumentException("run " + runId + " lacks the score " + s);
        }
        if (cutoffs < 0) throw new IllegalArgumentException("cutoffs must be ≥ 0, got " + cutoffs);
    }

    /** One score. */
    public Estimate<Double> score(CutoffScore s) {
        return scores.get(s);
    }
}
