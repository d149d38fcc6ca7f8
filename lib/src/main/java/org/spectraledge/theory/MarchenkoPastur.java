package org.spectraledge.theory;

import org.spectraledge.spectral.RandomMatrixBaseline;

/**
 * The Marchenko–Pastur law of the eigenvalues of G = XXᵀ for a W×P window X of iid entries with variance ν²
 * (framework §3), γ = W/P. With x = λ/P the law is
 * <pre>
 *   (1 − 1/γ)₊·δ₀ + ρ(x) dx,   ρ(x) = √((x₊ − x)(x − x₋)) / (2π ν² γ x),   x± = ν²(1 ± √γ)²,
 * </pre>
 * so in λ units the bulk is [λ₋, λ₊] = [ν²(√P − √W)², ν²(√P + √W)²] and ρ_λ(λ) = ρ(λ/P)/P. When W &gt; P a
 * fraction 1 − P/W of the eigenvalues is exactly 0 ({@link #zeroMass()}).
 *
 * @param nuSquared ν² &gt; 0
 * @param window    W ≥ 1
 * @param parameters P ≥ 1
 */
public record MarchenkoPastur(double nuSquared, int window, long parameters) {

    public MarchenkoPastur {
        if (!(nuSquared > 0) || Double.isInfinite(nuSquared) || window < 1 || parameters < 1) {
            throw new IllegalArgumentException("need finite ν² > 0, W ≥ 1, P ≥ 1; got ν²=" + nuSquared + ", W=" + window
                    + ", P=" + parameters);
        }
    }

    /** γ = W/P. */
    public double ratio() { return (double) window / parameters; }

    /** λ₋ = ν²(√P − √W)². */
    public double lower() { return RandomMatrixBaseline.mpLowerEdge(nuSquared, window, parameters); }

    /** λ₊ = ν²(√P + √W)². */
    public double upper() { return RandomMatrixBaseline.mpUpperEdge(nuSquared, window, parameters); }

    /** Fraction of eigenvalues at exactly 0: max(0, 1 − P/W). */
    public double zeroMass() { return Math.max(0, 1 - (double) parameters / window); }

    /** Density ρ_λ of the bulk at λ (0 outside [λ₋, λ₊]); it integrates to 1 − {@link #zeroMass()}. */
    public double density(double lambda) {
        double a = lower(), b = upper();
        if (!(lambda > a && lambda < b)) return 0;
        return Math.sqrt((b - lambda) * (lambda - a)) / (2 * Math.PI * nuSquared * window * lambda);
    }

    /**
     * P(eigenvalue ≤ λ), including the atom at 0. Integrated numerically after substituting
     * λ = λ₋ + (λ₊ − λ₋)(1 − cos φ)/2, which turns the square-root edges into a smooth integrand
     * (composite Simpson, 2048 intervals: error far below any Monte Carlo resolution).
     */
    public double cdf(double lambda) {
        if (lambda < 0) return 0;
        double a = lower(), b = upper();
        if (lambda <= a) return zeroMass();
        if (lambda >= b) return 1;
        double phiMax = Math.acos(1 - 2 * (lambda - a) / (b - a));
        int n = 2048;
        double h = phiMax / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = i * h;
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * substituted(phi, a, b);
        }
        return zeroMass() + sum * h / 3;
    }

    /** ρ_λ(λ(φ))·dλ/dφ with the square roots cancelled: ((b−a)/2)² sin²φ / (2πν²W·λ(φ)). */
    private double substituted(double phi, double a, double b) {
        double half = (b - a) / 2;
        double lambda = a + half * (1 - Math.cos(phi));
        if (lambda <= 0) return 0; // only when λ₋ = 0 (W = P), where the integrand is finite in the limit; one point
        double s = Math.sin(phi);
        return half * half * s * s / (2 * Math.PI * nuSquared * window * lambda);
    }
}
