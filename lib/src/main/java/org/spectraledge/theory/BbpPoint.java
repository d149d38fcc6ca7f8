package org.spectraledge.theory;

/**
 * One cell of the BBP phase diagram: Monte Carlo detection of a planted drift of strength d in W×P windows.
 *
 * @param window            W
 * @param parameters        P
 * @param strengthRatio     d / d_crit with the framework threshold d_crit = ν·(P(W−1))^{1/4}
 * @param strength          d
 * @param detectionRate     fraction of trials whose λ_1 exceeded the null threshold
 * @param nullThreshold     the (1 − α) quantile of λ_1 over pure-noise windows of the same shape
 * @param meanTopEigenvalue mean λ_1 over trials
 * @param predictedTopEigenvalue {@link SpikedModel#topEigenvalue} (asymptotic)
 * @param meanSquaredOverlap mean |⟨u_1, a_1⟩|² of the top left vector with the planted drift
 * @param predictedSquaredOverlap {@link SpikedModel#squaredOverlap} (asymptotic)
 */
public record BbpPoint(int window, int parameters, double strengthRatio, double strength, double detectionRate,
                       double nullThreshold, double meanTopEigenvalue, double predictedTopEigenvalue,
                       double meanSquaredOverlap, double predictedSquaredOverlap) {

    public BbpPoint {
        if (!(detectionRate >= 0 && detectionRate <= 1)) {
            throw new IllegalArgumentException("detection rate must be in [0, 1], got " + detectionRate);
        }
    }

    /** Aspect ratio P/W. */
    public double aspectRatio() { return (double) parameters / window; }
}
