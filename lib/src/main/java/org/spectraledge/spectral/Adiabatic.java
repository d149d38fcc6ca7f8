package org.spectraledge.spectral;

/**
 * The adiabatic parameter 𝒜 = ‖ΔG‖_F / (η·g²) of one window (framework §5), with g the singular-value gap at k* and
 * ‖ΔG‖_F the exact window change. 𝒜 is dimensionless and unchanged when every update is scaled by the same c
 * (both ‖ΔG‖ and g² scale by c²). ‖ΔG‖ is the change per window shift, i.e. per {@code stride} optimizer steps.
 *
 * @param value  𝒜 ≥ 0; 0 when nothing changed and g = 0, +∞ when the window changed but g = 0
 * @param regime the regime under the thresholds used
 */
public record Adiabatic(double value, AdiabaticRegime regime) {

    /** framework §5 default thresholds: below 0.1 plateau, above 10 forgetting. */
    public static final double DEFAULT_PLATEAU_BELOW = 0.1;
    public static final double DEFAULT_FORGETTING_ABOVE = 10;

    public Adiabatic {
        if (!(value >= 0)) throw new IllegalArgumentException("𝒜 must be ≥ 0, got " + value);
    }

    /**
     * @param deltaG       ‖ΔG‖_F
     * @param eta          learning rate η &gt; 0
     * @param gap          g at k*, singular-value units
     * @param plateauBelow 𝒜 below this is a plateau
     * @param forgettingAbove 𝒜 above this is forgetting
     */
    public static Adiabatic of(double deltaG, double eta, double gap, double plateauBelow, double forgettingAbove) {
        if (!(eta > 0)) throw new IllegalArgumentException("learning rate η must be > 0 for 𝒜, got " + eta);
        double denominator = eta * gap * gap;
        double a = denominator > 0 ? deltaG / denominator : (deltaG == 0 ? 0 : Double.POSITIVE_INFINITY);
        AdiabaticRegime regime = a < plateauBelow ? AdiabaticRegime.PLATEAU
                : a > forgettingAbove ? AdiabaticRegime.FORGETTING : AdiabaticRegime.TRANSITION;
        return new Adiabatic(a, regime);
    }
}
