package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** One affine layer of the MLP: y = x W + b, W ∈ R^{in × out} ~ N(0, 1/in), b = 0. Parameters {@code W}, {@code b}. */
final class Dense extends NamedBlock {

    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    Dense(int in, int out) {
        this.out = out;
        weight = randomParameter("W", 1 / Math.sqrt(in), in, out);
        bias = constantParameter("b", Parameter.Type.BIAS, out);
    }

    /** x [..., in] → [..., out], on x's manager. */
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return Affine.apply(x, value(store, weight, x, training), value(store, bias, x, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(out)};
    }
}
