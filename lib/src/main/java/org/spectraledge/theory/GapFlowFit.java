package org.spectraledge.theory;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.spectraledge.spectral.WindowResult;

/**
 * The empirical check of the gap flow (framework §6): from a run's gap g(t), estimate ġ by central differences and fit
 * ġ = a·g + b. A restoring flow shows corr(g, ġ) &lt; 0, relaxation rate −a &gt; 0 and fixed point g* = −b/a.
 *
 * <p>ġ is taken at interior samples only, with the second-order central difference for uneven spacing
 * (h₁ = t_i − t_{i−1}, h₂ = t_{i+1} − t_i):
 * <pre>
 *   ġ_i = (h₁²·g_{i+1} − h₂²·g_{i−1} + (h₂² − h₁²)·g_i) / (h₁h₂(h₁ + h₂))
 * </pre>
 * (numpy.gradient's interior formula). The fit is ordinary least squares min ‖[g 1]·(a, b)ᵀ − ġ‖₂, solved by EJML's
 * QR least-squares solver (no normal equations, whose conditioning is the square of the design's); its solution is
 * a = cov(g, ġ)/var(g), b = mean(ġ) − a·mean(g), and R² = corr(g, ġ)².
 *
 * @param times       t_i of the interior samples
 * @param gap         g at those samples
 * @param gapRate     ġ at those samples
 * @param correlation Pearson corr(g, ġ) (NaN when g or ġ is constant)
 * @param slope       a
 * @param intercept   b
 * @param rSquared    R² of the fit
 */
public record GapFlowFit(double[] times, double[] gap, double[] gapRate, double correlation, double slope,
                         double intercept, double rSquared) {

    public GapFlowFit {
        if (times.length != gap.length || gap.length != gapRate.length) {
            throw new IllegalArgumentException("times, gap and gapRate must have the same length");
        }
        times = times.clone();
        gap = gap.clone();
        gapRate = gapRate.clone();
    }

    @Override public double[] times() { return times.clone(); }
    @Override public double[] gap() { return gap.clone(); }
    @Override public double[] gapRate() { return gapRate.clone(); }

    /** Relaxation rate −a (per unit of t). */
    public double rate() { return -slope; }

    /** Fixed point g* = −b/a (NaN when a = 0). */
    public double fixedPoint() { return slope == 0 ? Double.NaN : -intercept / slope; }

    /** ġ predicted by the fit at g. */
    public double predict(double g) { return slope * g + intercept; }

    /**
     * Fits a sampled gap series.
     *
     * @param t strictly increasing sample times (e.g. steps), at least 4. Not modified.
     * @param g the gap at each time, finite. Not modified.
     */
    public static GapFlowFit of(double[] t, double[] g) {
        if (t.length != g.length) throw new IllegalArgumentException(t.length + " times but " + g.length + " gap values");
        if (t.length < 4) throw new IllegalArgumentException("need at least 4 samples (2 interior points to fit), got " + t.length);
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i]) || !Double.isFinite(g[i])) {
                throw new IllegalArgumentException("sample " + i + " is not finite (t=" + t[i] + ", g=" + g[i] + "); drop undefined windows first");
            }
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("times must strictly increase, but t[" + i + "] = " + t[i] + " after " + t[i - 1]);
            }
        }
        int n = t.length - 2;
        double[] ti = new double[n], gi = new double[n], rate = new double[n];
        for (int i = 1; i <= n; i++) {
            double h1 = t[i] - t[i - 1], h2 = t[i + 1] - t[i];
            ti[i - 1] = t[i];
            gi[i - 1] = g[i];
            rate[i - 1] = (h1 * h1 * g[i + 1] - h2 * h2 * g[i - 1] + (h2 * h2 - h1 * h1) * g[i]) / (h1 * h2 * (h1 + h2));
        }
        double mg = mean(gi), mr = mean(rate);
        double sgg = 0, srr = 0, sgr = 0;
        for (int i = 0; i < n; i++) {
            sgg += (gi[i] - mg) * (gi[i] - mg);
            srr += (rate[i] - mr) * (rate[i] - mr);
            sgr += (gi[i] - mg) * (rate[i] - mr);
        }
        if (sgg == 0) throw new IllegalArgumentException("the gap is constant over the interior samples: there is no slope to fit");
        double[] ab = leastSquaresLine(gi, rate);
        double a = ab[0];
        double b = ab[1];
        double corr = srr == 0 ? Double.NaN : sgr / Math.sqrt(sgg * srr);
        double r2 = srr == 0 ? 1 : corr * corr;
        return new GapFlowFit(ti, gi, rate, corr, a, b, r2);
    }

    /** Fits the headline gap g = σ_{k*} − σ_{k*+1} of a run's windows against their steps. */
    public static GapFlowFit of(List<WindowResult> windows) {
        double[] t = new double[windows.size()], g = new double[windows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = windows.get(i).step();
            g[i] = windows.get(i).gap().gap();
        }
        return of(t, g);
    }

    /**
     * (a, b) minimising ‖a·x + b − y‖₂ for the n×2 design [x 1] (n ≥ 2, x not constant).
     *
     * @param x regressor, length n. Not modified.
     * @param y response, length n. Not modified.
     */
    static double[] leastSquaresLine(double[] x, double[] y) {
        int n = x.length;
        DMatrixRMaj design = new DMatrixRMaj(n, 2);
        for (int i = 0; i < n; i++) {
            design.set(i, 0, x[i]);
            design.set(i, 1, 1);
        }
        DMatrixRMaj coefficients = new DMatrixRMaj(2, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, 2); // Householder QR
        if (!solver.setA(design)) throw new IllegalArgumentException("the least-squares design [g 1] is singular");
        solver.solve(DMatrixRMaj.wrap(n, 1, y.clone()), coefficients); // clone: a solver may overwrite its B
        return new double[] {coefficients.get(0), coefficients.get(1)};
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }
}
