package org.spectraledge.train;

/**
 * Settings of one {@link TrainingLoop} run.
 *
 * @param steps              total optimizer steps of the run
 * @param startStep          steps already taken (0 for a new run; the checkpoint's step when resuming)
 * @param batchSize          examples per step; 0 = full batch
 * @param clip               global gradient-norm limit; 0 = no clipping
 * @param learningRate       η after warmup (reported to listeners; the optimizer's tracker applies it)
 * @param warmup             linear warmup steps
 * @param evalEvery          evaluate every this many steps (and at the last step)
 * @param targetTestAccuracy stop early once test accuracy reaches this; 0 = never
 * @param seed               seed of the minibatch order
 */
public record LoopSettings(long steps, long startStep, int batchSize, double clip, double learningRate, int warmup,
                           int evalEvery, double targetTestAccuracy, long seed) {
    public LoopSettings {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        if (startStep < 0 || startStep > steps) throw new IllegalArgumentException("start step " + startStep + " outside [0, " + steps + "]");
        if (batchSize < 0) throw new IllegalArgumentException("batch size must be ≥ 0 (0 = full batch), got " + batchSize);
        if (!(clip >= 0) || Double.isInfinite(clip)) throw new IllegalArgumentException("clip must be ≥ 0 (0 = off), got " + clip);
        if (evalEvery < 1) throw new IllegalArgumentException("eval interval must be ≥ 1 step, got " + evalEvery);
        if (!(targetTestAccuracy >= 0 && targetTestAccuracy <= 1)) {
            throw new IllegalArgumentException("target accuracy must lie in [0, 1] (0 = off), got " + targetTestAccuracy);
        }
    }

    /** η at a step, following the linear warmup. */
    public double learningRate(long step) {
        return new LinearWarmup((float) learningRate, warmup).getNewValue("", (int) Math.min(step, Integer.MAX_VALUE));
    }
}
