package org.spectraledge.datasets;

/** Which part of a dataset an example belongs to. */
public enum Split {
    /** Examples the model trains on. */
    TRAIN,
    /** Held-out examples that measure generalisation (grokking shows up here). */
    TEST;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
