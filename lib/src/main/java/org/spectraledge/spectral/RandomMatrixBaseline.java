package org.spectraledge.spectral;

/**
 * Random-matrix reference values for one w×P window (framework §3). They say what pure iid noise of the same size
 * would look like, so that structure can be told from noise.
 *
 * @param nuSquared  noise level estimate ν² = mean(λ_j for j > w/2) / P
 * @param dCrit      BBP detection threshold d_crit = ν·(P·(w−1))^{1/4}: a mode is detectable iff σ > d_crit
 * @param bbpRatio   σ_w / d_crit; the thesis' "BBP is vacuous at P ≫ W" means this is ≫ 1. NaN when ν = 0
 *                   (no noise estimate: e.g. all-zero updates)
 * @param mpLower    Marchenko–Pastur lower bulk edge λ₋ = ν²(√P − √w)²
 * @param mpUpper    Marchenko–Pastur upper bulk edge λ₊ = ν²(√P + √w)²
 * @param noiseFloor median of max_j r_j for iid updates, ≈ 1 + 0.37·√(w/P) (measured by simulation)
 */
public record RandomMatrixBaseline(double nuSquared, double dCrit, double bbpRatio, double mpLower, double mpUpper,
                                   double noiseFloor) {

    /**
     * The baselines of a window.
     *
     * <p>Caveat (framework §3): ν is estimated from the same spectrum it is compared with, so the test is partly
     * circular; use {@link #forNoise} with a known ν on synthetic windows for the clean version.
     *
     * @param spectrum the window's spectrum (w ≥ 2)
     * @param p        number of parameters P in the window's updates
     */
    public static RandomMatrixBaseline of(Spectrum spectrum, long p) {
        int w = spectrum.size();
        double[] lambda = spectrum.lambda();
        double tail = 0;
        int n = 0;
        for (int j = w / 2; j < w; j++) { tail += lambda[j]; n++; }   // 1-based j > w/2
        double nuSquared = tail / n / p;
        RandomMatrixBaseline b = forNoise(nuSquared, w, p);
        double ratio = b.dCrit > 0 ? spectrum.sigma(w) / b.dCrit : Double.NaN;
        return new RandomMatrixBaseline(nuSquared, b.dCrit, ratio, b.mpLower, b.mpUpper, b.noiseFloor);
    }

    /** The baselines for iid noise of known variance ν² in a w×P window (bbpRatio is NaN: there is no spectrum). */
    public static RandomMatrixBaseline forNoise(double nuSquared, int w, long p) {
        if (w < 2 || p < 1 || !(nuSquared >= 0)) {
            throw new IllegalArgumentException("need w ≥ 2, P ≥ 1 and ν² ≥ 0; got w=" + w + ", P=" + p + ", ν²=" + nuSquared);
        }
        double nu = Math.sqrt(nuSquared);
        double dCrit = nu * Math.pow((double) p * (w - 1), 0.25);
        return new RandomMatrixBaseline(nuSquared, dCrit, Double.NaN, mpLowerEdge(nuSquared, w, p), mpUpperEdge(nuSquared, w, p),
                noiseFloorOfMaxRatio(w, p));
    }

    /** Median of max_j r_j for iid updates in a w×P window: 1 + 0.37·√(w/P) (framework §3, fitted by simulation). */
    public static double noiseFloorOfMaxRatio(int w, long p) {
        return 1 + 0.37 * Math.sqrt((double) w / p);
    }

    /** Marchenko–Pastur lower bulk edge λ₋ = ν²(√P − √W)² of G = XXᵀ for a W×P window of iid entries of variance ν². */
    public static double mpLowerEdge(double nuSquared, long w, long p) {
        return mpEdge(nuSquared, w, p, -1);
    }

    /** Marchenko–Pastur upper bulk edge λ₊ = ν²(√P + √W)² of G = XXᵀ for a W×P window of iid entries of variance ν². */
    public static double mpUpperEdge(double nuSquared, long w, long p) {
        return mpEdge(nuSquared, w, p, +1);
    }

    /** λ± = ν²(√P ± √W)²: the one place the library computes the edges (theory and plots call the two above). */
    private static double mpEdge(double nuSquared, long w, long p, int sign) {
        double root = Math.sqrt(p) + sign * Math.sqrt(w);
        return nuSquared * root * root;
    }
}
