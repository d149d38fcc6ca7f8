package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention with H heads of width d_head = d / H:
 * <pre>
 *   Q = x W_Q + b_Q,  K = m W_K + b_K,  V = m W_V + b_V            (x [B, T_q, d], m [B, T_k, d]; split into heads)
 *   A_h = softmax(Q_h K_hᵀ / √d_head + mask)                        [B, H, T_q, T_k]
 *   y = concat_h(A_h V_h) W_O + b_O                                 [B, T_q, d]
 * </pre>
 * m = x for self-attention, the encoder output for cross-attention. The mask is additive: 0 where attending is
 * allowed, {@link Masks#MASKED} where not (see {@link Masks}). Parameters {@code W_Q, [b_Q,] W_K, [b_K,] W_V, [b_V,]
 * W_O, [b_O]}, all W ∈ R^{d × d} ~ N(0, 1/d); the biases (zeros) exist only when asked for.
 */
final class Attention extends NamedBlock {

    private final int d;
    private final int heads;
    private final Parameter wQ;
    private final Parameter bQ;
    private final Parameter wK;
    private final Parameter bK;
    private final Parameter wV;
    private final Parameter bV;
    private final Parameter wO;
    private final Parameter bO;

    Attention(int d, int heads, boolean bias) {
        this.d = d;
        this.heads = heads;
        double std = 1 / Math.sqrt(d);
        wQ = randomParameter("W_Q", std, d, d);
        bQ = bias ? constantParameter("b_Q", Parameter.Type.BIAS, d) : null;
        wK = randomParameter("W_K", std, d, d);
        bK = bias ? constantParameter("b_K", Parameter.Type.BIAS, d) : null;
        wV = randomParameter("W_V", std, d, d);
        bV = bias ? constantParameter("b_V", Parameter.Type.BIAS, d) : null;
        wO = randomParameter("W_O", std, d, d);
        bO = bias ? constantParameter("b_O", Parameter.Type.BIAS, d) : null;
    }

    /**
     * Attention of queries from x over keys and values from m.
     *
     * @param x    queries' source [B, T_q, d]; the result lives on its manager
     * @param m    keys' and values' source [B, T_k, d]
     * @param mask additive mask broadcastable to [B, H, T_q, T_k], or null for none
     * @return [B, T_q, d]
     */
    NDArray apply(ParameterStore store, NDArray x, NDArray m, NDArray mask, boolean training) {
        long batch = x.getShape().get(0);
        long tq = x.getShape().get(1);
        long tk = m.getShape().get(1);
        NDArray q = splitHeads(project(store, x, wQ, bQ, training), batch, tq);
        NDArray k = splitHeads(project(store, m, wK, bK, training), batch, tk);
        NDArray v = splitHeads(project(store, m, wV, bV, training), batch, tk);
        // the scale is an array on the input's manager, never a Java number (see package-info)
        NDArray scale = x.getManager().create((float) (1 / Math.sqrt(d / heads)));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale);
        if (mask != null) scores = scores.add(mask);
        NDArray z = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, tq, d);
        return project(store, z, wO, bO, training);
    }

    private static NDArray project(ParameterStore store, NDArray x, Parameter w, Parameter b, boolean training) {
        return Affine.apply(x, value(store, w, x, training), b == null ? null : value(store, b, x, training));
    }

    /** [B, T, d] → [B, H, T, d_head]. */
    private NDArray splitHeads(NDArray x, long batch, long t) {
        return x.reshape(batch, t, heads, d / heads).transpose(0, 2, 1, 3);
    }

    /** Inputs (x), (x, m) or (x, m, mask); output (y). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray m = inputs.size() > 1 ? inputs.get(1) : x;
        NDArray mask = inputs.size() > 2 ? inputs.get(2) : null;
        return new NDList(apply(store, x, m, mask, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
