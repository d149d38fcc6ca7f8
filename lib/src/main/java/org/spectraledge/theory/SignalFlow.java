package org.spectraledge.theory;

import java.util.Arrays;

/**
 * The signal-strength flow of framework §6 (thesis Thm 12.1, the author's simplified form), one equation per mode j:
 * <pre>
 *   ḋ_j = −η(h_j + ω)·d_j + η·W·|G_j|² / d_j
 * </pre>
 * with h_j = v_jᵀHv_j the curvature along mode j, G_j = ⟨v_j, ∇L⟩ its gradient projection, η the learning rate,
 * ω the (decoupled) weight decay and W the window length. Time is in optimizer steps.
 *
 * <p>With κ_j = h_j + ω &gt; 0 each mode has the steady state
 * <pre>
 *   d_j^ss = |G_j|·√(W / (h_j + ω))
 * </pre>
 * — lower curvature carries more signal (the inverted hierarchy). The equation is linear in y = d²:
 * ẏ = −2ηκ y + 2ηW G², so y(t) = y_ss + (y(0) − y_ss)·e^{−2ηκt} ({@link #exact}); the linearisation at d^ss has
 * rate −2ηκ_j ({@link #relaxationRates}).
 *
 * <pre>{@code
 * SignalFlow f = SignalFlow.builder().setCurvatures(0.5, 2, 8).setGradients(0.3, 0.2, 0.1)
 *         .setLearningRate(1e-3).optWeightDecay(1).setWindow(10).build();
 * SignalTrajectory t = f.integrate(new double[] {0.1, 0.1, 0.1}, 10, 2000);
 * }</pre>
 */
public final class SignalFlow {
    private final double[] curvature;
    private final double[] gradient;
    private final double eta;
    private final double omega;
    private final int window;

    private SignalFlow(Builder b) {
        this.curvature = b.curvature.clone();
        this.gradient = b.gradient.clone();
        this.eta = b.eta;
        this.omega = b.omega;
        this.window = b.window;
    }

    public static Builder builder() { return new Builder(); }

    /** Number of modes. */
    public int modes() { return curvature.length; }

    /** h_j, 1-based. */
    public double curvature(int j) { return curvature[j - 1]; }

    /** G_j, 1-based. */
    public double gradient(int j) { return gradient[j - 1]; }

    /** η. */
    public double learningRate() { return eta; }

    /** ω. */
    public double weightDecay() { return omega; }

    /** W. */
    public int window() { return window; }

    /** ḋ_j = −η(h_j + ω)d_j + ηW|G_j|²/d_j for 1-based j at strength d &gt; 0. */
    public double rate(int j, double d) {
        double g = gradient[j - 1];
        return -eta * (curvature[j - 1] + omega) * d + eta * window * g * g / d;
    }

    /**
     * The whole right-hand side.
     *
     * @param d   strengths, one per mode. Not modified.
     * @param out receives ḋ. Modified.
     */
    public void derivative(double[] d, double[] out) {
        for (int j = 0; j < d.length; j++) out[j] = rate(j + 1, d[j]);
    }

    /** d_j^ss = |G_j|·√(W/(h_j + ω)) for every mode. */
    public double[] steadyState() {
        double[] d = new double[modes()];
        for (int j = 0; j < d.length; j++) {
            double kappa = curvature[j] + omega;
            if (!(kappa > 0)) {
                throw new IllegalStateException("mode " + (j + 1) + " has h + ω = " + kappa
                        + " ≤ 0: it has no steady state (its strength grows without bound); raise ω or h");
            }
            d[j] = Math.abs(gradient[j]) * Math.sqrt(window / kappa);
        }
        return d;
    }

    /** True when every mode has h_j + ω &gt; 0, i.e. a finite, stable steady state. */
    public boolean hasSteadyState() {
        for (double h : curvature) if (!(h + omega > 0)) return false;
        return true;
    }

    /** Eigenvalues −2η(h_j + ω) of the Jacobian at the steady state (negative: the steady state is stable). */
    public double[] relaxationRates() {
        double[] r = new double[modes()];
        for (int j = 0; j < r.length; j++) r[j] = -2 * eta * (curvature[j] + omega);
        return r;
    }

    /**
     * The closed-form solution d_j(t) = √(y_ss + (d_j(0)² − y_ss)·e^{−2η(h_j+ω)t}), y_ss = W G_j²/(h_j + ω)
     * (for h_j + ω = 0: d_j(0)² + 2ηW G_j² t).
     *
     * @param d0 initial strengths. Not modified.
     */
    public double[] exact(double[] d0, double t) {
        checkState(d0);
        double[] d = new double[d0.length];
        for (int j = 0; j < d.length; j++) {
            double kappa = curvature[j] + omega;
            double drive = window * gradient[j] * gradient[j];
            double y = kappa == 0 ? d0[j] * d0[j] + 2 * eta * drive * t
                    : drive / kappa + (d0[j] * d0[j] - drive / kappa) * Math.exp(-2 * eta * kappa * t);
            d[j] = Math.sqrt(Math.max(0, y));
        }
        return d;
    }

    /**
     * Integrates by RK4 from d(0) = d0.
     *
     * @param d0    initial strengths, all &gt; 0 (the driving term divides by d). Not modified.
     * @param dt    step size in optimizer steps
     * @param steps number of RK4 steps
     */
    public SignalTrajectory integrate(double[] d0, double dt, int steps) {
        checkState(d0);
        double[][] y = Rk4.integrate((t, d, out) -> derivative(d, out), d0, 0, dt, steps);
        double[] times = new double[steps + 1];
        for (int s = 0; s <= steps; s++) times[s] = s * dt;
        return new SignalTrajectory(times, y);
    }

    private void checkState(double[] d0) {
        if (d0.length != modes()) {
            throw new IllegalArgumentException(d0.length + " initial strengths for " + modes() + " modes");
        }
        for (double d : d0) {
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("initial strengths must be finite and > 0 (the flow divides by d), got "
                        + Arrays.toString(d0));
            }
        }
    }

    /** Settings: curvatures, gradients, η and W are required; ω defaults to 0. */
    public static final class Builder {
        private double[] curvature;
        private double[] gradient;
        private double eta;
        private double omega;
        private int window;

        private Builder() {}

        /** h_j per mode (required). */
        public Builder setCurvatures(double... h) { this.curvature = h.clone(); return this; }

        /** G_j per mode (required, same length as the curvatures). */
        public Builder setGradients(double... g) { this.gradient = g.clone(); return this; }

        /** η &gt; 0 (required). */
        public Builder setLearningRate(double eta) { this.eta = eta; return this; }

        /** ω ≥ 0 (default 0). */
        public Builder optWeightDecay(double omega) { this.omega = omega; return this; }

        /** W ≥ 1 (required). */
        public Builder setWindow(int w) { this.window = w; return this; }

        public SignalFlow build() {
            if (curvature == null || gradient == null) {
                throw new IllegalArgumentException("call setCurvatures(...) and setGradients(...)");
            }
            if (curvature.length == 0 || curvature.length != gradient.length) {
                throw new IllegalArgumentException("need one gradient per curvature and at least one mode; got "
                        + curvature.length + " curvatures and " + gradient.length + " gradients");
            }
            for (int j = 0; j < curvature.length; j++) {
                if (!Double.isFinite(curvature[j]) || !Double.isFinite(gradient[j])) {
                    throw new IllegalArgumentException("curvature and gradient of mode " + (j + 1) + " must be finite");
                }
            }
            if (!(eta > 0) || Double.isInfinite(eta)) throw new IllegalArgumentException("learning rate η must be finite and > 0, got " + eta);
            if (!(omega >= 0) || Double.isInfinite(omega)) throw new IllegalArgumentException("weight decay ω must be finite and ≥ 0, got " + omega);
            if (window < 1) throw new IllegalArgumentException("window W must be ≥ 1, got " + window + " (call setWindow)");
            return new SignalFlow(this);
        }
    }
}
