package org.spectraledge.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The events of one run (framework §7): the step at which each gap criterion fired, the accuracy events,
 * and what follows from them. Built by {@link GapEventDetector}.
 *
 * <p>The gap event is the earliest criterion step; the lead time is grok step − event step, and "gap
 * dynamics precede grokking" for the run when that lead time is positive.
 *
 * @param g23DeclineStep criterion (a): first window after the pre-grok g₂₃ peak with g₂₃ ≤ peak/f
 * @param ratioPeakStep criterion (b): the pre-grok peak of R, when R rose to it and later collapsed
 * @param adiabaticCrossingStep criterion (c): first window with 𝒜 ≥ threshold after 𝒜 was below it
 * @param g23DeclineFactor pre-grok g₂₃ peak divided by the lowest g₂₃ after it and before grokking
 *     (to the end of the run if it did not grok); ≥ 1, +∞ if g₂₃ reached 0; empty if there is no
 *     window after the peak. framework §7 quotes 8–111× for the author's runs.
 * @param grokStep first eval with test accuracy ≥ the grok threshold; empty if the run did not grok
 * @param memorizationStep first eval with train accuracy ≥ the memorization threshold
 */
public record GapEvents(
        OptionalLong g23DeclineStep,
        OptionalLong ratioPeakStep,
        OptionalLong adiabaticCrossingStep,
        OptionalDouble g23DeclineFactor,
        OptionalLong grokStep,
        OptionalLong memorizationStep) {

    public GapEvents {
        Objects.requireNonNull(g23DeclineStep, "g23DeclineStep");
        Objects.requireNonNull(ratioPeakStep, "ratioPeakStep");
        Objects.requireNonNull(adiabaticCrossingStep, "adiabaticCrossingStep");
        Objects.requireNonNull(g23DeclineFactor, "g23DeclineFactor");
        Objects.requireNonNull(grokStep, "grokStep");
        Objects.requireNonNull(memorizationStep, "memorizationStep");
        if (g23DeclineFactor.isPresent() && !(g23DeclineFactor.getAsDouble() >= 1)) {
            throw new IllegalArgumentException("g23 decline factor must be ≥ 1 (peak / later minimum), got "
                    + g23DeclineFactor.getAsDouble());
        }
    }

    /** The step at which {@code criterion} fired, if it did. */
    public OptionalLong step(GapCriterion criterion) {
        switch (criterion) {
            case G23_DECLINE:
                return g23DeclineStep;
            case RATIO_PEAK:
                return ratioPeakStep;
            case ADIABATIC_CROSSING:
                return adiabaticCrossingStep;
            default:
                throw new AssertionError(criterion);
        }
    }

    /** The gap event: the earliest step at which any criterion fired; empty if none did. */
    public OptionalLong eventStep() {
        OptionalLong earliest = OptionalLong.empty();
        for (GapCriterion c : GapCriterion.values()) {
            OptionalLong s = step(c);
            if (s.isPresent() && (earliest.isEmpty() || s.getAsLong() < earliest.getAsLong())) earliest = s;
        }
        return earliest;
    }

    /** The criteria that fired at {@link #eventStep()}: usually one, several on a tie, none without an event. */
    public Set<GapCriterion> eventCriteria() {
        OptionalLong event = eventStep();
        EnumSet<GapCriterion> winners = EnumSet.noneOf(GapCriterion.class);
        for (GapCriterion c : GapCriterion.values()) {
            if (event.isPresent() && step(c).equals(event)) winners.add(c);
        }
        return Collections.unmodifiableSet(winners);
    }

    /** Whether the run grokked. */
    public boolean grokked() {
        return grokStep.isPresent();
    }

    /** Grok step − event step; empty if the run did not grok or no criterion fired. Negative if the event came later. */
    public OptionalLong leadTime() {
        OptionalLong event = eventStep();
        if (grokStep.isEmpty() || event.isEmpty()) return OptionalLong.empty();
        return OptionalLong.of(grokStep.getAsLong() - event.getAsLong());
    }

    /** "Gap dynamics precede grokking" for this run: a gap event with positive lead time. */
    public boolean precedesGrokking() {
        OptionalLong lead = leadTime();
        return lead.isPresent() && lead.getAsLong() > 0;
    }

    /** A readable summary, one fact per line, as notebooks show it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("GapEvents\n");
        OptionalLong event = eventStep();
        b.append("  gap event: ").append(event.isPresent() ? "step " + event.getAsLong() + " " + eventCriteria() : "none");
        OptionalLong lead = leadTime();
        if (lead.isPresent()) b.append(", lead time ").append(lead.getAsLong()).append(" steps");
        b.append("\n  (a) g₂₃ decline: ").append(stepText(g23DeclineStep));
        if (g23DeclineFactor.isPresent()) {
            b.append(String.format(java.util.Locale.ROOT, " (g₂₃ fell %.3g× from its pre-grok peak)", g23DeclineFactor.getAsDouble()));
        }
        b.append("\n  (b) R peak before collapse: ").append(stepText(ratioPeakStep));
        b.append("\n  (c) 𝒜 crossing: ").append(stepText(adiabaticCrossingStep));
        b.append("\n  memorization: ").append(stepText(memorizationStep));
        b.append("\n  grokking: ").append(grokStep.isPresent() ? "step " + grokStep.getAsLong() : "did not grok");
        return b.toString();
    }

    private static String stepText(OptionalLong step) {
        return step.isPresent() ? "step " + step.getAsLong() : "-";
    }
}
