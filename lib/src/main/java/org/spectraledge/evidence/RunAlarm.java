package org.spectraledge.evidence;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.spectraledge.events.GapCriterion;

/**
 * The detector's verdict on one run.
 *
 * @param runId the run
 * @param positive whether the run grokked
 * @param grokStep the run's grok step (summary.json); empty for a negative run
 * @param eventStep the gap event (earliest criterion); empty without one
 * @param criteria the criteria that fired at the event step
 * @param leadTime grok step − event step; empty unless both exist
 * @param kind what the event means for the run
 */
public record RunAlarm(String runId, boolean positive, OptionalLong grokStep, OptionalLong eventStep,
                       Set<GapCriterion> criteria, OptionalLong leadTime, AlarmKind kind) {
    public RunAlarm {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(grokStep, "grokStep");
        Objects.requireNonNull(eventStep, "eventStep");
        criteria = Set.copyOf(criteria);
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(kind, "kind");
        if (positive != grokStep.isPresent()) {
            throw new IllegalArgumentException("run " + runId + ": positive iff it has a grok step");
        }
        boolean positiveKind = kind != AlarmKind.FALSE_ALARM && kind != AlarmKind.QUIET;
        if (positive != positiveKind) {
            throw new IllegalArgumentException("run " + runId + ": kind " + kind + " does not fit a "
                    + (positive ? "positive" : "negative") + " run");
        }
    }

    /** Classifies a run from its grok step, its event step and the horizon H. */
    static AlarmKind classify(OptionalLong grokStep, OptionalLong eventStep, long horizon) {
        if (grokStep.isEmpty()) return eventStep.isPresent() ? AlarmKind.FALSE_ALARM : AlarmKind.QUIET;
        if (eventStep.isEmpty()) return AlarmKind.NO_EVENT;
        long lead = grokStep.getAsLong() - eventStep.getAsLong();
        if (lead <= 0) return AlarmKind.LATE_EVENT;
        return lead <= horizon ? AlarmKind.TRUE_ALARM : AlarmKind.EARLY_ALARM;
    }
}
