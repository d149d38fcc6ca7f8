package org.spectraledge.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.spectral.Spectrum;

/**
 * Monte Carlo of the BBP transition (framework §3): how often a planted drift of strength d is detected in a W×P
 * window of iid noise, across aspect ratios P/W, with d measured in units of the framework threshold
 * d_crit = ν·(P(W−1))^{1/4}.
 *
 * <p>Detection is a level-α test on the top eigenvalue: for each shape, {@code trials} pure-noise windows give
 * the (1 − α) quantile of λ_1, and a window "detects" its drift when its λ_1 exceeds that quantile. So the rate is
 * α at d = 0 by construction and rises to 1 through d ≈ d_crit; how sharply depends on W (the transition is a
 * W, P → ∞ statement). Each point also carries the mean λ_1 and |⟨u_1, a_1⟩|² beside their asymptotic values
 * ({@link SpikedModel}).
 *
 * <pre>{@code
 * BbpPhaseDiagram d = BbpExperiment.builder().addShape(10, 1000).addShape(10, 10000)
 *         .setStrengthRatios(0, 0.5, 1, 1.5, 2, 3).optTrials(200).build().run();
 * }</pre>
 */
public final class BbpExperiment {
    private final List<int[]> shapes;
    private final double[] strengthRatios;
    private final double nu;
    private final int trials;
    private final double alpha;
    private final long seed;

    private BbpExperiment(Builder b) {
        this.shapes = List.copyOf(b.shapes);
        this.strengthRatios = b.strengthRatios.clone();
        this.nu = b.nu;
        this.trials = b.trials;
        this.alpha = b.alpha;
        this.seed = b.seed;
    }

    public static Builder builder() { return new Builder(); }

    /** Runs every shape and strength. Deterministic for a given seed. */
    public BbpPhaseDiagram run() {
        SeededRandom root = new SeededRandom(seed);
        List<BbpPoint> points = new ArrayList<>();
        for (int[] shape : shapes) {
            int w = shape[0], p = shape[1];
            double threshold = nullThreshold(w, p, root.split());
            double dCrit = SpikedModel.specCriticalStrength(nu, w, p);
            for (double ratio : strengthRatios) {
                points.add(point(w, p, ratio, ratio * dCrit, threshold, root.split()));
            }
        }
        return new BbpPhaseDiagram(points, nu, alpha, trials);
    }

    private double nullThreshold(int w, int p, SeededRandom rnd) {
        SpikedWindowGenerator noise = SpikedWindowGenerator.builder().setWindow(w).setParameters(p).optNoise(nu).build();
        double[] top = new double[trials];
        for (int t = 0; t < trials; t++) top[t] = noise.sample(rnd).spectrum().lambda(1);
        Arrays.sort(top);
        // the smallest order statistic that at most α of the null windows exceed
        int index = Math.min(trials - 1, (int) Math.ceil((1 - alpha) * trials) - 1);
        return top[Math.max(0, index)];
    }

    private BbpPoint point(int w, int p, double ratio, double d, double threshold, SeededRandom rnd) {
        SpikedWindowGenerator gen = SpikedWindowGenerator.builder().setWindow(w).setParameters(p)
                .optStrengths(d).optNoise(nu).build();
        int detected = 0;
        double sumTop = 0, sumOverlap = 0;
        for (int t = 0; t < trials; t++) {
            SpikedWindow x = gen.sample(rnd);
            Spectrum s = x.spectrum();
            if (s.lambda(1) > threshold) detected++;
            sumTop += s.lambda(1);
            double o = RandomVectors.dot(s.u()[0], x.left()[0]);
            sumOverlap += o * o;
        }
        return new BbpPoint(w, p, ratio, d, (double) detected / trials, threshold, sumTop / trials,
                SpikedModel.topEigenvalue(d, nu, w, p), sumOverlap / trials, SpikedModel.squaredOverlap(d, nu, w, p));
    }

    /** Settings: at least one shape and one strength are required. */
    public static final class Builder {
        private final List<int[]> shapes = new ArrayList<>();
        private double[] strengthRatios = new double[0];
        private double nu = 1;
        private int trials = 200;
        private double alpha = 0.05;
        private long seed = 0xBB9;

        private Builder() {}

        /** Adds a window shape W×P (call once per aspect ratio; at least once). */
        public Builder addShape(int window, int parameters) {
            shapes.add(new int[] {window, parameters});
            return this;
        }

        /** The strengths d/d_crit to test (required), e.g. 0, 0.25, …, 3. */
        public Builder setStrengthRatios(double... ratios) {
            this.strengthRatios = ratios.clone();
            return this;
        }

        /** Noise level ν &gt; 0 (default 1; the diagram in units of d_crit does not depend on it). */
        public Builder optNoise(double nu) { this.nu = nu; return this; }

        /** Monte Carlo windows per point and for each null threshold (default 200). */
        public Builder optTrials(int trials) { this.trials = trials; return this; }

        /** False-alarm rate α of the λ_1 test (default 0.05). */
        public Builder optFalseAlarmRate(double alpha) { this.alpha = alpha; return this; }

        /** Seed (default 0xBB9). */
        public Builder optSeed(long seed) { this.seed = seed; return this; }

        public BbpExperiment build() {
            if (shapes.isEmpty()) throw new IllegalArgumentException("no window shape: call addShape(W, P) at least once");
            for (int[] s : shapes) {
                if (s[0] < 2 || s[1] < 1) throw new IllegalArgumentException("shape needs W ≥ 2 and P ≥ 1, got " + s[0] + "×" + s[1]);
            }
            if (strengthRatios.length == 0) throw new IllegalArgumentException("no strengths: call setStrengthRatios(...)");
            double[] sorted = strengthRatios.clone();
            Arrays.sort(sorted);
            if (!Arrays.equals(sorted, strengthRatios) || !(sorted[0] >= 0) || Double.isInfinite(sorted[sorted.length - 1])) {
                throw new IllegalArgumentException("strength ratios must be finite, ≥ 0 and ascending, got " + Arrays.toString(strengthRatios));
            }
            if (!(nu > 0) || Double.isInfinite(nu)) throw new IllegalArgumentException("noise level ν must be finite and > 0, got " + nu);
            if (trials < 10) throw new IllegalArgumentException("need at least 10 trials per point, got " + trials);
            if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("false-alarm rate α must be in (0, 1), got " + alpha);
            return new BbpExperiment(this);
        }
    }
}
