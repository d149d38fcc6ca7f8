package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LayerNorm over the last axis: y = (x − mean) / √(var + ε) · γ + β with the biased variance and ε = 1e-5 (as
 * PyTorch's {@code nn.LayerNorm}). Parameters {@code gamma} (ones) and {@code beta} (zeros), each of length d.
 */
final class LayerNormBlock extends NamedBlock {

    static final float EPSILON = 1e-5f;

    private final int d;
    private final Parameter gamma;
    private final Parameter beta;

    LayerNormBlock(int d) {
        this.d = d;
        gamma = constantParameter("gamma", Parameter.Type.GAMMA, d);
        beta = constantParameter("beta", Parameter.Type.BETA, d);
    }

    /** x [..., d] → normalized [..., d], on x's manager. */
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return LayerNorm.layerNorm(x, new Shape(d), value(store, gamma, x, training), value(store, beta, x, training), EPSILON)
                .singletonOrThrow();
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
