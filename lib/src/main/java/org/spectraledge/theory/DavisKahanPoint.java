package org.spectraledge.theory;

/**
 * One perturbation trial of a {@link DavisKahanExperiment}.
 *
 * @param perturbationNorm ‖ΔG‖_F
 * @param eigengap         δ = λ_k − λ_{k+1} of the unperturbed G
 * @param sinTheta         measured sine of the largest principal angle between the top-k eigenspaces of G and G + ΔG
 * @param bound            the framework §4 bound min(1, ‖ΔG‖_F / δ)
 * @param guaranteedBound  min(1, 2‖ΔG‖_F / δ), the Yu–Wang–Samworth form that holds for every perturbation
 */
public record DavisKahanPoint(double perturbationNorm, double eigengap, double sinTheta, double bound,
                              double guaranteedBound) {

    public DavisKahanPoint {
        if (!(sinTheta >= 0 && sinTheta <= 1 + 1e-12)) throw new IllegalArgumentException("sin θ must be in [0, 1], got " + sinTheta);
    }

    /** Measured rotation angle in radians. */
    public double angle() { return Math.asin(Math.min(1, sinTheta)); }

    /** True when the measured rotation exceeds the framework bound. */
    public boolean violatesBound() { return sinTheta > bound + 1e-12; }
}
