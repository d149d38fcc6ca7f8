package org.spectraledge.spectral;

import java.util.Locale;

/** The three regimes of the adiabatic parameter 𝒜 (framework §5). */
public enum AdiabaticRegime {
    /** 𝒜 ≪ 1: the circuit is stable, loss plateaus. */
    PLATEAU,
    /** 𝒜 ~ 1: a phase transition. */
    TRANSITION,
    /** 𝒜 ≫ 1: the subspace is overwritten faster than it can form (forgetting). */
    FORGETTING;

    /** Lower-case name used in tables. */
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
