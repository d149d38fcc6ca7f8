package org.spectraledge.evidence;

import java.util.List;
import java.util.Objects;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.Estimate;

/**
 * The lead-time distribution: grok step − event step of every positive run that had a gap event (true, early and
 * late alarms alike, so the distribution shows where the horizon cuts), with the median's bootstrap interval.
 *
 * @param runs run id and lead time, in the sweep's order
 * @param median the median with its seeded percentile-bootstrap interval; not computable for fewer than 2 lead times
 */
public record LeadTimes(List<Lead> runs, Estimate<BootstrapInterval> median) {

    /** @param runId the run @param steps its lead time in steps (negative: the event came after grokking) */
    public record Lead(String runId, long steps) {
        public Lead {
            Objects.requireNonNull(runId, "runId");
        }
    }

    public LeadTimes {
        runs = List.copyOf(runs);
        Objects.requireNonNull(median, "median");
    }

    /** The lead times as numbers. */
    public double[] values() {
        return runs.stream().mapToDouble(Lead::steps).toArray();
    }
}
