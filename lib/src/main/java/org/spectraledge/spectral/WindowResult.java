package org.spectraledge.spectral;

import java.util.Optional;

/**
 * Every spectral-edge quantity of one window (framework §1–5). One of these is produced per update once the window
 * holds at least two updates.
 *
 * @param step       label of the window's newest update (e.g. the index of its last snapshot)
 * @param size       w, the number of updates in the window
 * @param partial    true while fewer than W updates exist
 * @param parameters P, the length of each update
 * @param spectrum   λ, σ and u of the window
 * @param gaps       ratios, k* by each rule, g₂₃
 * @param headline   the rule whose k* defines R, g and 𝒜 in summaries (default {@code plain})
 * @param pc1        PC1 share λ_1/Σλ (0 when Σλ = 0)
 * @param k95        fewest modes holding 95 % of Σλ (0 when Σλ = 0)
 * @param drift      drift speed ‖mean_i δ_i‖ = √(1ᵀG1)/w
 * @param stability  ‖ΔG‖ both ways, Davis–Kahan, α_j, overlaps
 * @param baseline   random-matrix references (BBP, Marchenko–Pastur, noise floor)
 * @param adiabatic  𝒜 and its regime, present when a learning rate was given
 */
public record WindowResult(long step, int size, boolean partial, long parameters, Spectrum spectrum, Gaps gaps,
                           GapRule headline, double pc1, int k95, double drift, Stability stability,
                           RandomMatrixBaseline baseline, Optional<Adiabatic> adiabatic) {

    public WindowResult {
        if (size < 2 || spectrum.size() != size) {
            throw new IllegalArgumentException("a window result needs w ≥ 2 matching its spectrum, got w=" + size);
        }
    }

    /** The gap under the headline rule. */
    public GapResult gap() { return gaps.by(headline); }

    /** k* under the headline rule, 1-based. */
    public int kStar() { return gap().kStar(); }

    /** Gap ratio R = r_{k*} under the headline rule. */
    public double gapRatio() { return gap().ratio(); }

    /** σ_j, 1-based. */
    public double sigma(int j) { return spectrum.sigma(j); }
}
