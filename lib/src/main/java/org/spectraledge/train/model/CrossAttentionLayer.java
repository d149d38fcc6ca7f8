package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One decoder layer of the encoder–decoder ({@code decoder.blocks.i}), pre-norm:
 * <pre>
 *   x ← x + self_attn(ln1(x), causal mask)
 *   x ← x + cross_attn(ln2(x) over memory, source padding mask)
 *   x ← x + mlp(ln3(x))
 * </pre>
 * memory is the encoder output (already final-normed). Children {@code ln1, self_attn, ln2, cross_attn, ln3, mlp}.
 */
final class CrossAttentionLayer extends NamedBlock {

    private final LayerNormBlock ln1;
    private final Attention selfAttn;
    private final LayerNormBlock ln2;
    private final Attention crossAttn;
    private final LayerNormBlock ln3;
    private final FeedForward mlp;

    CrossAttentionLayer(int d, int heads, int dFf, Nonlinearity activation, boolean layerNorm, boolean attentionBias) {
        ln1 = layerNorm ? child("ln1", new LayerNormBlock(d)) : null;
        selfAttn = child("self_attn", new Attention(d, heads, attentionBias));
        ln2 = layerNorm ? child("ln2", new LayerNormBlock(d)) : null;
        crossAttn = child("cross_attn", new Attention(d, heads, attentionBias));
        ln3 = layerNorm ? child("ln3", new LayerNormBlock(d)) : null;
        mlp = child("mlp", new FeedForward(d, dFf, activation));
    }

    /**
     * @param x          decoder stream [B, T, d]; the result lives on its manager
     * @param memory     encoder output [B, S, d]
     * @param causalMask [T, T]
     * @param sourceMask [B, 1, 1, S]
     */
    NDArray apply(ParameterStore store, NDArray x, NDArray memory, NDArray causalMask, NDArray sourceMask, boolean training) {
        NDArray h = TransformerLayer.norm(store, ln1, x, training);
        x = x.add(selfAttn.apply(store, h, h, causalMask, training));
        x = x.add(crossAttn.apply(store, TransformerLayer.norm(store, ln2, x, training), memory, sourceMask, training));
        return x.add(mlp.apply(store, TransformerLayer.norm(store, ln3, x, training), training));
    }

    /** Inputs (x, memory, causal mask, source mask); output (y). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
