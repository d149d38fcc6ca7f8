package org.spectraledge.theory;

/**
 * The classical fourth-order Runge–Kutta step for y' = f(t, y):
 * <pre>
 *   k₁ = f(t, y), k₂ = f(t + h/2, y + h k₁/2), k₃ = f(t + h/2, y + h k₂/2), k₄ = f(t + h, y + h k₃),
 *   y(t + h) = y + h(k₁ + 2k₂ + 2k₃ + k₄)/6        (local error O(h⁵), global O(h⁴)).
 * </pre>
 * Stateless.
 */
public final class Rk4 {
    private Rk4() {}

    /** A right-hand side f. */
    @FunctionalInterface
    public interface Rhs {
        /**
         * @param y    the state. Not modified.
         * @param dydt receives f(t, y). Modified.
         */
        void derivative(double t, double[] y, double[] dydt);
    }

    /**
     * Integrates {@code steps} steps of size h from (t0, y0).
     *
     * @param y0 initial state. Not modified.
     * @return (steps+1)×n states, row 0 = y0
     */
    public static double[][] integrate(Rhs f, double[] y0, double t0, double h, int steps) {
        if (!(h > 0) || Double.isInfinite(h)) throw new IllegalArgumentException("step size h must be finite and > 0, got " + h);
        if (steps < 0) throw new IllegalArgumentException("number of steps must be ≥ 0, got " + steps);
        int n = y0.length;
        double[][] out = new double[steps + 1][];
        out[0] = y0.clone();
        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n], tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            double[] y = out[s];
            double t = t0 + s * h;
            f.derivative(t, y, k1);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h / 2 * k1[i];
            f.derivative(t + h / 2, tmp, k2);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h / 2 * k2[i];
            f.derivative(t + h / 2, tmp, k3);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
            f.derivative(t + h, tmp, k4);
            double[] next = new double[n];
            for (int i = 0; i < n; i++) next[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            out[s + 1] = next;
        }
        return out;
    }
}
