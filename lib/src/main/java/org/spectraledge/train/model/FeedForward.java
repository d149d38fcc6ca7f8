package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The transformer MLP: y = act(x W_in + b_in) W_out + b_out with W_in ∈ R^{d × d_ff} ~ N(0, 1/d),
 * W_out ∈ R^{d_ff × d} ~ N(0, 1/d_ff), zero biases. Parameters {@code W_in, b_in, W_out, b_out}.
 */
final class FeedForward extends NamedBlock {

    private final Nonlinearity activation;
    private final Parameter wIn;
    private final Parameter bIn;
    private final Parameter wOut;
    private final Parameter bOut;

    FeedForward(int d, int dFf, Nonlinearity activation) {
        this.activation = activation;
        wIn = randomParameter("W_in", 1 / Math.sqrt(d), d, dFf);
        bIn = constantParameter("b_in", Parameter.Type.BIAS, dFf);
        wOut = randomParameter("W_out", 1 / Math.sqrt(dFf), dFf, d);
        bOut = constantParameter("b_out", Parameter.Type.BIAS, d);
    }

    /** x [B, T, d] → [B, T, d], on x's manager. */
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        NDArray hidden = activation.apply(Affine.apply(x, value(store, wIn, x, training), value(store, bIn, x, training)));
        return Affine.apply(hidden, value(store, wOut, x, training), value(store, bOut, x, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
