package org.spectraledge.theory;

import org.spectraledge.spectral.RandomMatrixBaseline;

/**
 * Closed forms of the BBP transition for the windows of {@link SpikedWindowGenerator} (framework §3), asymptotic in
 * W, P → ∞ at fixed γ = W/P.
 *
 * <p>Two equivalent pictures. (1) Signal plus noise: X = d·a bᵀ + νZ; in units of ν√P the signal is θ = d/(ν√P)
 * and the noise singular values fill [1 − √γ, 1 + √γ]; the mode separates from the bulk iff θ &gt; γ^{1/4}
 * (Benaych-Georges–Nadakuditi). (2) Spiked covariance: the P columns of X are samples in R^W with covariance
 * ν²(I + ℓ·a aᵀ), ℓ = d²/(ν²P) = θ²; the BBP condition ℓ &gt; √γ is the same statement. Either way
 * <pre>
 *   d_crit = ν·(W·P)^{1/4}                                  (asymptotic threshold)
 *   λ_1 → ν²P·(1 + ℓ)(1 + γ/ℓ)        for ℓ &gt; √γ, else the bulk edge λ₊ = ν²(√P + √W)²
 *   |⟨u_1, a⟩|² → (ℓ² − γ) / (ℓ(ℓ + γ)) for ℓ &gt; √γ, else 0
 * </pre>
 * The framework threshold (§3) ν·(P(W−1))^{1/4} ({@link RandomMatrixBaseline#dCrit()}) is the same law with one degree of
 * freedom removed for the mean; the two agree to O(1/W). Stateless.
 */
public final class SpikedModel {
    private SpikedModel() {}

    /** Asymptotic BBP threshold d_crit = ν·(W·P)^{1/4}. */
    public static double criticalStrength(double nu, int w, long p) {
        check(nu, w, p);
        return nu * Math.pow((double) w * p, 0.25);
    }

    /** The framework §3 threshold ν·(P·(W−1))^{1/4}, from the library's baseline. */
    public static double specCriticalStrength(double nu, int w, long p) {
        return RandomMatrixBaseline.forNoise(nu * nu, w, p).dCrit();
    }

    /** Spiked-covariance spike ℓ = d²/(ν²P). */
    public static double spike(double d, double nu, long p) {
        return d * d / (nu * nu * p);
    }

    /** Limit of the top eigenvalue of G = XXᵀ: ν²P(1 + ℓ)(1 + γ/ℓ) above threshold, the bulk edge below it. */
    public static double topEigenvalue(double d, double nu, int w, long p) {
        check(nu, w, p);
        double gamma = (double) w / p;
        double l = spike(d, nu, p);
        if (l <= Math.sqrt(gamma)) return RandomMatrixBaseline.mpUpperEdge(nu * nu, w, p);
        return nu * nu * p * (1 + l) * (1 + gamma / l);
    }

    /** Limit of the squared overlap |⟨u_1, a⟩|² of the top left singular vector with the planted one. */
    public static double squaredOverlap(double d, double nu, int w, long p) {
        check(nu, w, p);
        double gamma = (double) w / p;
        double l = spike(d, nu, p);
        if (l <= Math.sqrt(gamma)) return 0;
        return (l * l - gamma) / (l * (l + gamma));
    }

    private static void check(double nu, int w, long p) {
        if (!(nu > 0) || w < 2 || p < 1) {
            throw new IllegalArgumentException("need ν > 0, W ≥ 2, P ≥ 1; got ν=" + nu + ", W=" + w + ", P=" + p);
        }
    }
}
