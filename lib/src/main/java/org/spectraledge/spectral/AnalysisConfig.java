package org.spectraledge.spectral;

import java.util.OptionalDouble;

/**
 * Settings of the spectral analysis. Build with {@link #builder()}; every optional value has the framework default (§1–§5).
 *
 * @param window          W, window length in updates (default 10)
 * @param headline        rule for R, g and 𝒜 (default {@code plain}, the thesis definition)
 * @param epsilon         ratio floor ε (default 1e-12)
 * @param floorTau        τ of the floored rule (default 0.05)
 * @param learningRate    η for 𝒜; empty means 𝒜 is not computed
 * @param plateauBelow    𝒜 below this is a plateau (default 0.1)
 * @param forgettingAbove 𝒜 above this is forgetting (default 10)
 * @param sketchDimension d of the CountSketch projection; 0 means exact mode (default)
 * @param sketchSeed      seed of the sketch's hash (default 0x5EED)
 */
public record AnalysisConfig(int window, GapRule headline, double epsilon, double floorTau, OptionalDouble learningRate,
                             double plateauBelow, double forgettingAbove, int sketchDimension, long sketchSeed) {

    public AnalysisConfig {
        if (window < 2) throw new IllegalArgumentException("window W must be ≥ 2, got " + window);
        if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("ε must lie in (0, 1), got " + epsilon);
        if (!(floorTau >= 0 && floorTau < 1)) throw new IllegalArgumentException("τ must lie in [0, 1), got " + floorTau);
        if (learningRate.isPresent() && !(learningRate.getAsDouble() > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate.getAsDouble());
        }
        if (!(plateauBelow > 0 && forgettingAbove > plateauBelow)) {
            throw new IllegalArgumentException("need 0 < plateau threshold < forgetting threshold, got "
                    + plateauBelow + " and " + forgettingAbove);
        }
        if (sketchDimension < 0) throw new IllegalArgumentException("sketch dimension must be ≥ 0 (0 = exact), got " + sketchDimension);
    }

    /** The defaults of framework §1–5 (W = 10, plain rule, no learning rate, exact mode). */
    public static AnalysisConfig defaults() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    /** Builder; every setting is optional. */
    public static final class Builder {
        private int window = 10;
        private GapRule headline = GapRule.PLAIN;
        private double epsilon = Gaps.EPSILON;
        private double floorTau = Gaps.DEFAULT_FLOOR;
        private OptionalDouble learningRate = OptionalDouble.empty();
        private double plateauBelow = Adiabatic.DEFAULT_PLATEAU_BELOW;
        private double forgettingAbove = Adiabatic.DEFAULT_FORGETTING_ABOVE;
        private int sketchDimension;
        private long sketchSeed = 0x5EED;

        public Builder optWindow(int w) { this.window = w; return this; }
        public Builder optHeadline(GapRule rule) { this.headline = rule; return this; }
        public Builder optEpsilon(double e) { this.epsilon = e; return this; }
        public Builder optFloorTau(double tau) { this.floorTau = tau; return this; }
        public Builder optLearningRate(double eta) { this.learningRate = OptionalDouble.of(eta); return this; }
        public Builder optRegimeThresholds(double plateauBelow, double forgettingAbove) {
            this.plateauBelow = plateauBelow;
            this.forgettingAbove = forgettingAbove;
            return this;
        }
        /** Sketch mode: each update is projected to {@code d} dimensions (framework default, §1 d = 10·W); 0 = exact. */
        public Builder optSketch(int d) { this.sketchDimension = d; return this; }
        public Builder optSketchSeed(long seed) { this.sketchSeed = seed; return this; }

        public AnalysisConfig build() {
            return new AnalysisConfig(window, headline, epsilon, floorTau, learningRate, plateauBelow, forgettingAbove,
                    sketchDimension, sketchSeed);
        }
    }
}
