package org.spectraledge.events;

/** The three gap-event criteria of framework §7; {@link GapEventDetector} defines each precisely. */
public enum GapCriterion {
    /** (a) g₂₃ falls to ≤ 1/f of its pre-grok peak. */
    G23_DECLINE,
    /** (b) R peaks before it collapses: rise, plateau, collapse. */
    RATIO_PEAK,
    /** (c) 𝒜 crosses the threshold (default 1) from below. */
    ADIABATIC_CROSSING
}
