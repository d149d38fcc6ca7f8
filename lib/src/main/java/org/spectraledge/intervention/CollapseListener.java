package org.spectraledge.intervention;

/** Hears a collapse study's progress (a command line prints it; a notebook may draw it). */
public interface CollapseListener {

    /** After each branch, control included, of the trial at t₀ = {@code origin}. */
    default void branchFinished(long origin, CollapseBranch branch) {}

    /** After each trial. */
    default void trialFinished(CollapseTrial trial) {}
}
