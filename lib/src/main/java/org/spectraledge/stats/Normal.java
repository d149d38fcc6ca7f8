package org.spectraledge.stats;

/**
 * The standard normal distribution: Φ, its upper tail 1 − Φ and its quantile Φ⁻¹, to close to full double precision
 * also far in the tails (the p-values of {@link MannWhitney} and the z of {@link WilsonInterval} rest on it).
 *
 * <p>Φ(z) = ½ erfc(−z/√2). erfc(x) for x &lt; 1 is 1 − erf(x) with the positive series
 * erf(x) = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·5⋯(2n+1)); for x ≥ 1 it is the continued fraction
 * erfc(x) = (e^{−x²}/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ⋯)))), evaluated by the modified Lentz method.
 * Φ⁻¹ is solved by Newton steps safeguarded by bisection.
 */
public final class Normal {
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() {}

    /** Φ(z) = P(Z ≤ z). */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / SQRT2);
    }

    /** 1 − Φ(z) = P(Z &gt; z), accurate where it is tiny. */
    public static double sf(double z) {
        return 0.5 * erfc(z / SQRT2);
    }

    /** The density φ(z) = e^{−z²/2}/√(2π). */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /**
     * Φ⁻¹(p): the z with Φ(z) = p.
     *
     * @param p probability in (0, 1)
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("a normal quantile needs p in (0, 1), got " + p);
        if (p == 0.5) return 0;
        if (p > 0.5) return -lowerQuantile(1 - p);
        return lowerQuantile(p);
    }

    /** Φ⁻¹(p) for p &lt; ½, by Newton on Φ(z) − p inside a shrinking bracket. */
    private static double lowerQuantile(double p) {
        double lo = -40, hi = 0, z = -Math.sqrt(-2 * Math.log(p)); // the tail asymptote as a start
        if (z < lo) z = lo;
        for (int i = 0; i < 200; i++) {
            double f = cdf(z) - p;
            if (f > 0) hi = z;
            else lo = z;
            double next = z - f / pdf(z);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z))) return next;
            z = next;
        }
        return z;
    }

    /** The complementary error function erfc(x) = (2/√π) ∫ₓ^∞ e^{−t²} dt. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < 0) return 2 - erfc(-x);
        if (x < 1) return 1 - erf(x);
        if (x > 27) return 0; // e^{−729} underflows
        // modified Lentz for 1/(x + a1/(x + a2/(x + ...))), a_k = k/2
        double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int k = 1; k < 5000; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            if (d == 0) d = tiny;
            c = x + a / c;
            if (c == 0) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return Math.exp(-x * x) / SQRT_PI / f;
    }

    /** The error function erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt. */
    public static double erf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < 0) return -erf(-x);
        if (x >= 1) return 1 - erfc(x);
        double term = x, sum = x, x2 = x * x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return 2 / SQRT_PI * Math.exp(-x2) * sum;
    }
}
