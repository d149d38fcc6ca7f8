package org.spectraledge.theory;

import java.util.Arrays;
import org.spectraledge.datasets.SeededRandom;

/**
 * Dyson Brownian motion, the picture behind the thesis' "Dyson" level repulsion (framework §6):
 * <pre>
 *   dλ_i = √(2/(βN)) dB_i + (1/N) Σ_{j≠i} dt / (λ_i − λ_j),   i = 1…N,
 * </pre>
 * the eigenvalue process of a symmetric (β = 1) or Hermitian (β = 2) matrix whose entries perform Brownian motion
 * (diagonal variance 2t/(βN), off-diagonal E|H_ij|² = t/N). Levels repel: nearby levels are pushed apart, so
 * spacings follow the Wigner surmise rather than the Poisson law of independent levels ({@link LevelSpacing}).
 * Two identities the simulator must honour: Σλ_i has no drift, and E[Σλ_i²](t) = Σλ_i²(0) + (N − 1 + 2/β)·t.
 *
 * <p>Integration is Euler–Maruyama with step dt. The repulsion is singular, so a step that would let two levels
 * cross is rejected and replaced by two half steps (recursively, with fresh noise): the levels stay strictly
 * ordered, at the price of a bias of order of the rejection rate, which is negligible when dt ≪ N·(spacing)².
 *
 * <pre>{@code
 * DysonTrajectory path = DysonBrownianMotion.builder().setSize(100).setBeta(1)
 *         .setTimeStep(1e-5).setSteps(20_000).optSeed(7).build().simulate();
 * }</pre>
 */
public final class DysonBrownianMotion {
    private static final int MAX_HALVINGS = 30;

    private final int n;
    private final int beta;
    private final double dt;
    private final int steps;
    private final int recordEvery;
    private final long seed;
    private final double[] initial;

    private DysonBrownianMotion(Builder b) {
        this.n = b.n;
        this.beta = b.beta;
        this.dt = b.dt;
        this.steps = b.steps;
        this.recordEvery = b.recordEvery;
        this.seed = b.seed;
        this.initial = b.initial == null ? null : b.initial.clone();
    }

    public static Builder builder() { return new Builder(); }

    /**
     * Runs the motion. The start is the configured one, or by default N independent uniform points on [−1, 1]
     * (Poisson statistics: no repulsion yet), drawn from the seed.
     */
    public DysonTrajectory simulate() {
        SeededRandom rnd = new SeededRandom(seed);
        double[] lambda;
        if (initial != null) {
            lambda = initial.clone();
        } else {
            lambda = new double[n];
            for (int i = 0; i < n; i++) lambda[i] = 2 * rnd.nextDouble() - 1;
        }
        Arrays.sort(lambda);
        for (int i = 1; i < n; i++) {
            if (!(lambda[i] > lambda[i - 1])) throw new IllegalArgumentException("initial levels must be distinct, " + lambda[i] + " repeats");
        }
        int records = steps / recordEvery + 1;
        double[] times = new double[records];
        double[][] levels = new double[records][];
        levels[0] = lambda.clone();
        double[] drift = new double[n];
        double[] next = new double[n];
        for (int s = 1; s <= steps; s++) {
            advance(lambda, dt, rnd, drift, next, 0);
            if (s % recordEvery == 0) {
                times[s / recordEvery] = s * dt;
                levels[s / recordEvery] = lambda.clone();
            }
        }
        return new DysonTrajectory(beta, times, levels);
    }

    /** One Euler–Maruyama step of size h, split in halves while it would break the ordering. */
    private void advance(double[] lambda, double h, SeededRandom rnd, double[] drift, double[] next, int depth) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) if (j != i) s += 1 / (lambda[i] - lambda[j]);
            drift[i] = s / n;
        }
        double noise = Math.sqrt(2 * h / (beta * n));
        for (int i = 0; i < n; i++) next[i] = lambda[i] + drift[i] * h + noise * rnd.nextGaussian();
        boolean ordered = true;
        for (int i = 1; i < n && ordered; i++) ordered = next[i] > next[i - 1];
        if (ordered) {
            System.arraycopy(next, 0, lambda, 0, n);
            return;
        }
        if (depth == MAX_HALVINGS) {
            throw new IllegalStateException("levels collided even at step " + h + "; use a smaller time step");
        }
        advance(lambda, h / 2, rnd, drift, next, depth + 1);
        advance(lambda, h / 2, rnd, drift, next, depth + 1);
    }

    /** Settings: N, β, dt and the number of steps are required. */
    public static final class Builder {
        private int n;
        private int beta;
        private double dt;
        private int steps = -1;
        private int recordEvery = 1;
        private long seed = 0xD7503;
        private double[] initial;

        private Builder() {}

        /** N ≥ 2 levels (required; also implied by {@link #optInitial}). */
        public Builder setSize(int n) { this.n = n; return this; }

        /** β = 1 (GOE class) or 2 (GUE class) (required). */
        public Builder setBeta(int beta) { this.beta = beta; return this; }

        /** Time step dt &gt; 0 (required). */
        public Builder setTimeStep(double dt) { this.dt = dt; return this; }

        /** Number of steps ≥ 0 (required); the path ends at t = steps·dt. */
        public Builder setSteps(int steps) { this.steps = steps; return this; }

        /** Keep every m-th configuration (default 1: all). */
        public Builder optRecordEvery(int m) { this.recordEvery = m; return this; }

        /** Seed (default 0xD7503). */
        public Builder optSeed(long seed) { this.seed = seed; return this; }

        /** Distinct starting levels (default: N uniform points on [−1, 1]); sets N. */
        public Builder optInitial(double... levels) {
            this.initial = levels.clone();
            this.n = levels.length;
            return this;
        }

        public DysonBrownianMotion build() {
            if (n < 2) throw new IllegalArgumentException("need N ≥ 2 levels, got " + n + " (call setSize)");
            if (beta != 1 && beta != 2) throw new IllegalArgumentException("β must be 1 (real symmetric) or 2 (complex Hermitian), got " + beta);
            if (!(dt > 0) || Double.isInfinite(dt)) throw new IllegalArgumentException("time step must be finite and > 0, got " + dt);
            if (steps < 0) throw new IllegalArgumentException("call setSteps with a number ≥ 0");
            if (recordEvery < 1) throw new IllegalArgumentException("record interval must be ≥ 1, got " + recordEvery);
            if (initial != null) {
                for (double x : initial) if (!Double.isFinite(x)) throw new IllegalArgumentException("initial levels must be finite");
            }
            return new DysonBrownianMotion(this);
        }
    }
}
