package org.spectraledge.evidence;

/**
 * A per-run score computed only from the windows with step ≤ c (no look-ahead, framework §7b). "The value at c" is that
 * of the last window with step ≤ c where the quantity is defined. Each is oriented so that a higher score is meant
 * to predict grokking; an AUC below ½ says the score runs the other way.
 */
public enum CutoffScore {
    /**
     * g₂₃ decline factor: (largest g₂₃ from the search start to c) / (g₂₃ at c); +∞ when g₂₃ at c is 0. The search
     * start is the detector's (settle windows after the first window at or past memorization), applied only when
     * memorization happened at or before c; otherwise every window up to c.
     */
    G23_DECLINE("g23_decline", "g₂₃ decline factor"),
    /** Gap ratio R at c (the window table's {@code gap_ratio}, the headline rule). */
    GAP_RATIO("gap_ratio", "gap ratio R"),
    /** Adiabatic parameter 𝒜 at c (needs a learning rate in the capture). */
    ADIABATIC("adiabatic", "adiabatic parameter 𝒜");

    private final String label;
    private final String title;

    CutoffScore(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** Column-name form, e.g. {@code g23_decline}. */
    public String label() {
        return label;
    }

    /** Readable name for reports. */
    public String title() {
        return title;
    }
}
