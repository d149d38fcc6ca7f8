package org.spectraledge.spectral;

/**
 * How much the window's dominant subspace moved since the previous window (framework §4).
 *
 * @param deltaExact   ‖ΔG‖_F by the exact rank-2 identity: ‖ΔM‖_F² = ‖δ_new‖⁴ + ‖δ_old‖⁴ − 2⟨δ_new, δ_old⟩², where
 *                     M = XᵀX (P×P, same nonzero spectrum as G) and δ_old the update that left (0 while the window
 *                     is still filling)
 * @param deltaEigen   the author's approximation √Σ_j (λ_j(t) − λ_j(t−1))², a lower bound of the exact value by
 *                     Hoffman–Wielandt (missing eigenvalues count as 0)
 * @param gaps         gap_j = min_{l≠j} |λ_j − λ_l| in the current window (length w)
 * @param davisKahan   Davis–Kahan bound on sin θ_j: min(1, ‖ΔG‖_F / gap_j) (1 when gap_j = 0)
 * @param alphaBound   α_j = max(0, 1 − ‖ΔG‖_F² / gap_j²) (the {@code bound} variant; 1 when ‖ΔG‖ = 0, 0 when gap_j = 0 < ‖ΔG‖)
 * @param overlap      |⟨v_j(t−1), v_j(t)⟩| of consecutive windows, j = 1..min(w_{t−1}, w_t), from the cross-Gram
 *                     X_{t−1}X_tᵀ (the first result, of 2 updates, compares with the 1-update window before it);
 *                     0 where either σ_j is 0 (no direction)
 * @param halfOverlap  |⟨v_j^(1), v_j^(2)⟩| between the first ⌊w/2⌋ and the last ⌈w/2⌉ updates of the window,
 *                     j = 1..⌊w/2⌋
 */
public record Stability(double deltaExact, double deltaEigen, double[] gaps, double[] davisKahan, double[] alphaBound,
                        double[] overlap, double[] halfOverlap) {

    public Stability {
        gaps = gaps.clone();
        davisKahan = davisKahan.clone();
        alphaBound = alphaBound.clone();
        overlap = overlap.clone();
        halfOverlap = halfOverlap.clone();
    }

    @Override public double[] gaps() { return gaps.clone(); }
    @Override public double[] davisKahan() { return davisKahan.clone(); }
    @Override public double[] alphaBound() { return alphaBound.clone(); }
    @Override public double[] overlap() { return overlap.clone(); }
    @Override public double[] halfOverlap() { return halfOverlap.clone(); }

    /** Rotation angles arccos(overlap_j) of v_j between consecutive windows, in radians. */
    public double[] rotationAngles() {
        double[] a = new double[overlap.length];
        for (int j = 0; j < a.length; j++) a[j] = Math.acos(Math.min(1, overlap[j]));
        return a;
    }
}
