package org.spectraledge.evidence;

/**
 * How a negative run, scored at every positive run's cutoff, enters the ROC.
 */
public enum NegativeCutoffs {
    /**
     * One score per negative run: the median of its scores over the cutoffs at which it could be scored. n⁻ is the
     * number of negative runs, so the bootstrap resamples runs, the unit that is independent. The default.
     */
    MEDIAN,
    /**
     * One score per (negative run, positive cutoff) pair. Every comparison is matched in steps, but the scores of
     * one run are not independent, so n⁻ overstates the evidence and the bootstrap interval is too narrow.
     */
    EACH_CUTOFF
}
