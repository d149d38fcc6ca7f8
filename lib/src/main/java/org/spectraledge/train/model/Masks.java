package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks: 0 where a query may attend to a key, {@link #MASKED} where it may not. The masks carry
 * no gradient and are built in Java on the given manager (normally the step's).
 */
public final class Masks {

    /**
     * The additive value of a forbidden position. Finite rather than −∞ so that a row with every key masked (an
     * all-padding source) gives uniform attention instead of NaN; exp(−10⁹ + s) is exactly 0 in float for any
     * realistic score s, so other rows are unchanged.
     */
    public static final float MASKED = -1e9f;

    private Masks() {}

    /** Causal mask [T, T]: query i may attend to keys j ≤ i. */
    public static NDArray causal(NDManager manager, int t) {
        float[] bias = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) bias[i * t + j] = MASKED;
        }
        return manager.create(bias, new Shape(t, t));
    }

    /**
     * Key padding mask [B, 1, 1, S] for source ids [B, S]: no query attends to a key whose id is {@code padId}.
     * Created on the ids' manager.
     */
    public static NDArray padding(NDArray ids, int padId) {
        if (ids.getShape().dimension() != 2) throw new IllegalArgumentException("padding mask needs ids [B, S], got " + ids.getShape());
        long[] values = ids.toType(DataType.INT64, false).toLongArray();
        float[] bias = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == padId) bias[i] = MASKED;
        }
        return ids.getManager().create(bias, new Shape(ids.getShape().get(0), 1, 1, ids.getShape().get(1)));
    }
}
