package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One self-attention layer ({@code blocks.i} of the decoder-only transformer and of the encoder), pre-norm:
 * <pre>
 *   x ← x + attn(ln1(x), mask)
 *   x ← x + mlp(ln2(x))
 * </pre>
 * Without LayerNorm, ln1 and ln2 are the identity and have no parameters (Nanda et al. 2023). Children
 * {@code ln1, attn, ln2, mlp}.
 */
final class TransformerLayer extends NamedBlock {

    private final LayerNormBlock ln1;
    private final Attention attn;
    private final LayerNormBlock ln2;
    private final FeedForward mlp;

    TransformerLayer(int d, int heads, int dFf, Nonlinearity activation, boolean layerNorm, boolean attentionBias) {
        ln1 = layerNorm ? child("ln1", new LayerNormBlock(d)) : null;
        attn = child("attn", new Attention(d, heads, attentionBias));
        ln2 = layerNorm ? child("ln2", new LayerNormBlock(d)) : null;
        mlp = child("mlp", new FeedForward(d, dFf, activation));
    }

    /** x [B, T, d] with an additive mask (or null) → [B, T, d], on x's manager. */
    NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        NDArray h = norm(store, ln1, x, training);
        x = x.add(attn.apply(store, h, h, mask, training));
        return x.add(mlp.apply(store, norm(store, ln2, x, training), training));
    }

    static NDArray norm(ParameterStore store, LayerNormBlock ln, NDArray x, boolean training) {
        return ln == null ? x : ln.apply(store, x, training);
    }

    /** Inputs (x) or (x, mask); output (y). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
