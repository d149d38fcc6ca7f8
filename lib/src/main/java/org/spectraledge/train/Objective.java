package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a model is trained to do: the loss to minimise and the accuracy to report, from the model's output and
 * the labels. Implementations must only use array-valued operations (no Java-number arithmetic on arrays that
 * record gradients: DJL can free such scalars before the backward pass).
 */
public interface Objective {

    /** Mean loss over the batch, a scalar that records gradients. */
    NDArray loss(NDList output, NDArray labels);

    /** Number of examples (or sequences) predicted exactly right, as a Java number. */
    long correct(NDList output, NDArray labels);

    /** Number of examples (or sequences) in {@code labels}. */
    long count(NDArray labels);

    /**
     * Cross-entropy over classes for one label per example (modular arithmetic, parity). The logits are the
     * model's first output, shaped [B, C], or [B, T, C] of which the last position is used.
     */
    static Objective classifyLast() {
        return new Objective() {
            @Override public NDArray loss(NDList output, NDArray labels) {
                NDArray logp = last(output.singletonOrThrow()).logSoftmax(-1);
                return logp.gather(labels.toType(ai.djl.ndarray.types.DataType.INT64, false).expandDims(-1), -1).neg().mean();
            }
            @Override public long correct(NDList output, NDArray labels) {
                NDArray predicted = last(output.singletonOrThrow()).argMax(-1);
                return predicted.eq(labels.toType(predicted.getDataType(), false)).sum().toArray()[0].longValue();
            }
            @Override public long count(NDArray labels) { return labels.getShape().get(0); }

            private NDArray last(NDArray logits) {
                return logits.getShape().dimension() == 3 ? logits.get(":, -1, :") : logits;
            }
        };
    }

    /**
     * Cross-entropy at every position (Dyck-1 depth): logits [B, T, C], labels [B, T]. The loss is the mean over all
     * positions; a sequence counts as correct only if every position is (sequence accuracy, framework §7).
     */
    static Objective classifyEachPosition() {
        return new Objective() {
            @Override public NDArray loss(NDList output, NDArray labels) {
                NDArray logp = output.singletonOrThrow().logSoftmax(-1);
                return logp.gather(labels.toType(ai.djl.ndarray.types.DataType.INT64, false).expandDims(-1), -1).neg().mean();
            }
            @Override public long correct(NDList output, NDArray labels) {
                NDArray predicted = output.singletonOrThrow().argMax(-1);
                NDArray wrong = predicted.neq(labels.toType(predicted.getDataType(), false)).sum(new int[] {1});
                return wrong.eq(wrong.zerosLike()).sum().toArray()[0].longValue();
            }
            @Override public long count(NDArray labels) { return labels.getShape().get(0); }
        };
    }

    /**
     * Sequence to sequence with teacher forcing (SCAN): logits [B, T, V] predicting {@code labels} [B, T], where
     * label id {@code pad} marks positions after the end that do not count. The loss is the mean cross-entropy over
     * real positions. A sequence is correct when every real position's arg-max is right, which is exactly when
     * greedy decoding reproduces it (by induction over positions, each greedy prefix is then the true prefix), so
     * this is the exact-match sequence accuracy of framework §7 without running the decoder step by step.
     */
    static Objective sequenceToSequence(int pad) {
        return new Objective() {
            @Override public NDArray loss(NDList output, NDArray labels) {
                NDArray ids = labels.toType(ai.djl.ndarray.types.DataType.INT64, false);
                // the mask comes from the labels, which record no gradient, so comparing with a Java number is safe
                NDArray real = ids.neq(pad).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                NDArray nll = output.singletonOrThrow().logSoftmax(-1).gather(ids.expandDims(-1), -1).squeeze(-1).neg();
                return nll.mul(real).sum().div(real.sum());
            }
            @Override public long correct(NDList output, NDArray labels) {
                NDArray predicted = output.singletonOrThrow().argMax(-1);
                NDArray ids = labels.toType(predicted.getDataType(), false);
                NDArray wrong = predicted.neq(ids).logicalAnd(ids.neq(pad)).sum(new int[] {1});
                return wrong.eq(wrong.zerosLike()).sum().toArray()[0].longValue();
            }
            @Override public long count(NDArray labels) { return labels.getShape().get(0); }
        };
    }
}
