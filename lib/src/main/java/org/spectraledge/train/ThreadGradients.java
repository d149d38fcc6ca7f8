package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records the autograd graph on the calling thread only, for one forward and backward pass: what DJL's
 * {@code GradientCollector} does, without its process-wide state. DJL's PyTorch collector allows one collector per
 * JVM (a static flag: a second thread's collector throws "A PtGradientCollector is already collecting") and, when it
 * opens, zeroes the gradient of every array in the process, including another run's in the middle of its step. Both
 * forbid training two models at once in one JVM, which a sweep does. PyTorch itself keeps grad mode per thread and
 * runs independent backward passes concurrently, so this recorder sets grad mode on its own thread and leaves other
 * arrays alone. Gradients are not zeroed here: the training loop's optimizers zero each gradient they use.
 *
 * <pre>{@code
 * try (ThreadGradients g = new ThreadGradients()) {
 *     NDArray loss = ...forward...;
 *     g.backward(loss);
 * }
 * }</pre>
 */
final class ThreadGradients implements AutoCloseable {
    private final boolean previous;

    /** Turns grad mode on for this thread (it is restored by {@link #close()}). */
    ThreadGradients() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Back-propagates from {@code target} (a scalar loss) with seed gradient 1, adding into the leaves' gradients. */
    void backward(NDArray target) {
        try (NDArray seed = target.onesLike()) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) seed, false, false);
        }
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
