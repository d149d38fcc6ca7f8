package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activation of an MLP layer. */
public enum Nonlinearity {
    /** max(0, x). */
    RELU,
    /** x·Φ(x), the exact (erf) form, as PyTorch's default {@code gelu}. */
    GELU;

    /** Applies the activation elementwise; the result lives on {@code x}'s manager. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case RELU -> Activation.relu(x);
            case GELU -> Activation.gelu(x);
        };
    }
}
