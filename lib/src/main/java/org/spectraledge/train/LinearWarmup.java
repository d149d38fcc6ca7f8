package org.spectraledge.train;

import ai.djl.training.tracker.ParameterTracker;

/**
 * Learning rate η·min(1, t / warmup) at a parameter's step t (1-based): a linear ramp over the first {@code warmup}
 * steps, then constant. {@code warmup = 0} is a constant rate.
 *
 * @param base   η after the warmup
 * @param warmup number of ramp steps, ≥ 0
 */
public record LinearWarmup(float base, int warmup) implements ParameterTracker {
    public LinearWarmup {
        if (!(base > 0) || Float.isInfinite(base)) throw new IllegalArgumentException("learning rate must be > 0, got " + base);
        if (warmup < 0) throw new IllegalArgumentException("warmup must be ≥ 0 steps, got " + warmup);
    }

    @Override
    public float getNewValue(String parameterId, int step) {
        return warmup == 0 || step >= warmup ? base : base * step / warmup;
    }
}
