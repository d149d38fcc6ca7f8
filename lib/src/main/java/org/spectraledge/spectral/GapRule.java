package org.spectraledge.spectral;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the gap position k* is chosen among the ratios r_j = σ_j/σ_{j+1} (framework §2). All three are computed for
 * every window; {@link #PLAIN} is the thesis' definition and the default headline rule.
 */
public enum GapRule {
    /** k* = argmax_j r_j. */
    PLAIN,
    /**
     * k* = argmax_j (σ_j / Σ_i σ_i) · r_j: suppresses ratios between two tiny tail values, which {@code plain}
     * picks on noisy spectra (the author's replications use it).
     */
    WEIGHTED,
    /** k* = argmax over j with σ_{j+1} ≥ τ·σ_1 (τ = 0.05 by default). */
    FLOORED;

    /** The lower-case name used in CSV columns and on the command line. */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** Parses {@code plain}, {@code weighted} or {@code floored} (any case). */
    public static GapRule parse(String text) {
        for (GapRule r : values()) if (r.label().equalsIgnoreCase(text.strip())) return r;
        throw new IllegalArgumentException("unknown gap rule '" + text + "'; use one of "
                + Arrays.stream(values()).map(GapRule::label).collect(Collectors.joining(", ")));
    }
}
