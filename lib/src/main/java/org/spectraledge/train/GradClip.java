package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

/**
 * Gradient clipping by global norm, as {@code torch.nn.utils.clip_grad_norm_} (2-norm).
 *
 * <p>With gradients g₁ … g_n and limit c: N = ‖(‖g₁‖₂, …, ‖g_n‖₂)‖₂, and if c/(N + 10⁻⁶) &lt; 1 every
 * gᵢ is multiplied by that factor, so the direction of the whole update is kept. DJL's
 * {@code optClipGrad} is not this: in the PyTorch engine it is {@code clamp_max} on each element,
 * which caps positive entries and leaves negative ones untouched.
 *
 * <p>One difference from torch on purpose: if N is not finite, torch (with its default
 * {@code error_if_nonfinite=False}) multiplies every gradient by NaN; here the gradients are left
 * as they are and N is returned, so the caller can stop the run with a clear message.
 *
 * <p>Call it after {@code backward} and before {@code trainer.step()}.
 */
public final class GradClip {

    /** Added to N before dividing, as torch does. */
    public static final double EPS = 1e-6;

    private GradClip() {}

    /**
     * Clips the gradients of every parameter that requires one and has one.
     *
     * @param parameters e.g. {@code block.getParameters()} (gradients modified)
     * @param maxNorm the limit c, finite and &gt; 0
     * @return the global norm N before clipping
     */
    public static double clipGlobalNorm(ParameterList parameters, double maxNorm) {
        NDList grads = new NDList();
        try {
            for (Pair<String, Parameter> p : parameters) {
                Parameter parameter = p.getValue();
                if (parameter.requiresGradient() && parameter.isInitialized() && parameter.getArray().hasGradient()) {
                    // a new handle on the same native gradient: in-place changes reach the parameter
                    grads.add(parameter.getArray().getGradient());
                }
            }
            return clipGlobalNorm(grads, maxNorm);
        } finally {
            // free the handles (not the gradients), which DJL attached to the long-lived model manager
            grads.close();
        }
    }

    /**
     * Clips the given gradient arrays in place.
     *
     * @param grads the gradients (modified)
     * @param maxNorm the limit c, finite and &gt; 0
     * @return the global norm N before clipping; 0 for an empty list
     */
    public static double clipGlobalNorm(NDList grads, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
        if (grads.isEmpty()) {
            return 0;
        }
        try (NDManager scope = NDManager.subManagerOf(grads.get(0))) {
            scope.tempAttachAll(grads);
            NDList norms = new NDList(grads.size());
            for (NDArray g : grads) {
                norms.add(g.norm());
            }
            double total = NDArrays.stack(norms).norm().getFloat();
            double coefficient = maxNorm / (total + EPS);
            if (Double.isFinite(total) && coefficient < 1) {
                for (NDArray g : grads) {
                    g.muli((float) coefficient);
                }
            }
            return total;
        }
    }
}
