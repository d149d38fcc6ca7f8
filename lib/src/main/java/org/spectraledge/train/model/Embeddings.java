package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/** Table look-ups whose results live on the ids' manager (a slice of the table would live on the model's). */
final class Embeddings {

    private Embeddings() {}

    /** Rows of {@code table} [V, d] for {@code ids} [..., T] (int32 or int64) → [..., T, d]. */
    static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(int64(ids), table, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * Token plus learned position embeddings: E[ids] + P[0 … T−1] for ids [B, T] → [B, T, d].
     *
     * @throws IllegalArgumentException if T exceeds the rows of the position table
     */
    static NDArray tokensAndPositions(NDArray ids, NDArray tokenTable, NDArray positionTable) {
        if (ids.getShape().dimension() != 2) {
            throw new IllegalArgumentException("token ids must be [batch, length], got shape " + ids.getShape());
        }
        long t = ids.getShape().get(1);
        long context = positionTable.getShape().get(0);
        if (t > context) {
            throw new IllegalArgumentException("sequences of length " + t + " exceed the model's context length " + context
                    + "; build the model with a larger context length");
        }
        NDArray positions = ids.getManager().arange(0, (int) t, 1, DataType.INT64);
        return lookup(ids, tokenTable).add(lookup(positions, positionTable));
    }

    /** int32 ids are widened to int64 (on their manager); int64 ids are returned as is. */
    static NDArray int64(NDArray ids) {
        DataType type = ids.getDataType();
        if (type == DataType.INT64) return ids;
        if (type == DataType.INT32) return ids.toType(DataType.INT64, false);
        throw new IllegalArgumentException("token ids must be int32 or int64, got " + type);
    }
}
