package org.spectraledge.intervention;

import java.util.List;
import java.util.stream.IntStream;
import org.spectraledge.spectral.GapRule;

/**
 * The protocol of a gap collapse study (framework §6, "Gap collapse intervention"): which group's window, which
 * positions j, for how many steps K the updates are modified, how many steps L training then continues unmodified, and
 * how far past that to look for the grok step. Built with {@link #builder()}; 0 for K means one full window
 * (W·stride steps), so that the window at t₀ + K holds only modified updates.
 *
 * @param group     the captured parameter group whose window gives v_j and σ_j (default: the run's first group)
 * @param positions the j to collapse, each in 1..W−1 (default: all of them)
 * @param steps     K, modified steps after t₀ (0: W·stride)
 * @param continued L, unmodified steps after t₀ + K (default 0: only the effect at t₀ + K)
 * @param budget    more steps after t₀ + K + L in which to look for the grok step (default 0: none)
 * @param rule      the rule whose k* the prediction names (default {@code plain}, the thesis' definition)
 */
public record GapCollapse(String group, List<Integer> positions, long steps, long continued, long budget, GapRule rule) {

    public GapCollapse {
        positions = List.copyOf(positions);
        for (int j : positions) if (j < 1) throw new IllegalArgumentException("collapse positions start at 1, got " + j);
        if (positions.stream().distinct().count() != positions.size()) throw new IllegalArgumentException("a position is given twice: " + positions);
        if (steps < 0 || continued < 0 || budget < 0) {
            throw new IllegalArgumentException("K, L and the grok budget are step counts ≥ 0, got " + steps + ", " + continued + ", " + budget);
        }
    }

    /** K for a window of W updates taken every {@code stride} steps. */
    public long stepsFor(int window, int stride) {
        return steps > 0 ? steps : (long) window * stride;
    }

    /** The positions for a window of W updates: those given, or 1..W−1. */
    public List<Integer> positionsFor(int window) {
        if (positions.isEmpty()) return IntStream.range(1, window).boxed().toList();
        for (int j : positions) {
            if (j >= window) throw new IllegalArgumentException("position " + j + " does not exist in a window of W = " + window + " (use 1.." + (window - 1) + ")");
        }
        return positions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the DJL style: every value optional, checked in {@link #build()}. */
    public static final class Builder {
        private String group = "";
        private List<Integer> positions = List.of();
        private long steps;
        private long continued;
        private long budget;
        private GapRule rule = GapRule.PLAIN;

        private Builder() {}

        public Builder optGroup(String v) { group = v; return this; }
        public Builder optPositions(List<Integer> v) { positions = v; return this; }
        /** K, the collapsed steps (default: one window, W·stride); at least 1. */
        public Builder optSteps(long v) {
            if (v < 1) {
                throw new IllegalArgumentException("K (the collapsed steps) must be at least 1, got " + v
                        + "; leave it out for one full window, W·stride steps");
            }
            steps = v;
            return this;
        }
        public Builder optContinued(long v) { continued = v; return this; }
        public Builder optBudget(long v) { budget = v; return this; }
        public Builder optRule(GapRule v) { rule = v; return this; }

        public GapCollapse build() {
            return new GapCollapse(group, positions, steps, continued, budget, rule);
        }
    }
}
