package org.spectraledge.spectral;

/**
 * The gap found by one rule in one window (framework §2).
 *
 * @param rule     the rule that chose k*
 * @param kStar    gap position, 1-based, in [1, w−1]
 * @param ratio    R = r_{k*} = σ_{k*}/σ_{k*+1} (with the ε floor), ≥ 1
 * @param gap      g = σ_{k*} − σ_{k*+1}, singular-value units (the project's default gap)
 * @param eigengap λ_{k*} − λ_{k*+1}
 */
public record GapResult(GapRule rule, int kStar, double ratio, double gap, double eigengap) {
    public GapResult {
        if (kStar < 1) throw new IllegalArgumentException("k* is 1-based, got " + kStar);
        if (!(gap >= 0) || !(eigengap >= 0) || !(ratio >= 0)) {
            throw new IllegalArgumentException("gap, eigen-gap and ratio must be non-negative numbers");
        }
    }
}
