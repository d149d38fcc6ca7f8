package org.spectraledge.datasets;

import java.util.Objects;

/**
 * A generated modular-arithmetic dataset (see {@link ModularArithmetic}).
 *
 * <p>Inputs are token ids laid out by {@link #layout()} (shape n × layout.length()); labels are the
 * results a ∘ b mod p, in [0, p). The arrays are shared, not copied, so that large datasets are not
 * duplicated: treat them as read-only.
 *
 * @param op            the operation
 * @param p             the modulus
 * @param layout        how each example is tokenised
 * @param trainFraction the share of pairs in the training set
 * @param seed          the shuffle seed
 * @param trainInputs   n_train × layout.length() token ids
 * @param trainLabels   n_train results
 * @param testInputs    n_test × layout.length() token ids
 * @param testLabels    n_test results
 */
public record ModularDataset(ModularOp op, int p, ModularLayout layout, double trainFraction, long seed,
                             int[][] trainInputs, int[] trainLabels, int[][] testInputs, int[] testLabels)
        implements TaskDataset {

    public ModularDataset {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(layout, "layout");
        ModularArithmetic.checkModulus(op, p);
        checkPart("train", trainInputs, trainLabels, layout, p);
        checkPart("test", testInputs, testLabels, layout, p);
        if (trainInputs.length + testInputs.length != op.pairCount(p)) {
            throw new IllegalArgumentException("train + test must hold all " + op.pairCount(p) + " pairs of "
                    + op + " mod " + p + ", got " + (trainInputs.length + testInputs.length));
        }
    }

    private static void checkPart(String name, int[][] inputs, int[] labels, ModularLayout layout, int p) {
        Objects.requireNonNull(inputs, name + " inputs");
        Objects.requireNonNull(labels, name + " labels");
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(name + " has " + inputs.length + " inputs but "
                    + labels.length + " labels");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != layout.length()) {
                throw new IllegalArgumentException(name + " input " + i + " has " + inputs[i].length
                        + " tokens, layout " + layout + " needs " + layout.length());
            }
            if (labels[i] < 0 || labels[i] >= p) {
                throw new IllegalArgumentException(name + " label " + i + " = " + labels[i]
                        + " is outside [0, " + p + ")");
            }
        }
    }

    @Override
    public TaskName task() {
        return TaskName.of(op);
    }

    @Override
    public int size(Split split) {
        return inputs(split).length;
    }

    /** The token ids of one part (n × layout.length()). */
    public int[][] inputs(Split split) {
        return split == Split.TRAIN ? trainInputs : testInputs;
    }

    /** The labels of one part. */
    public int[] labels(Split split) {
        return split == Split.TRAIN ? trainLabels : testLabels;
    }

    @Override
    public int inputVocabSize() {
        return layout.vocabSize(p);
    }

    /** p classes: the result a ∘ b mod p. */
    @Override
    public int outputVocabSize() {
        return p;
    }

    @Override
    public PreviewRow row(Split split, int index) {
        int[] tokens = inputs(split)[index];
        int a = layout.a(tokens);
        int b = layout.b(tokens);
        return new PreviewRow(split, index, op.format(a, b), Integer.toString(labels(split)[index]),
                op.describe(a, b, p));
    }

    @Override
    public String toString() {
        return "ModularDataset[" + op + " (" + op.formula() + ") mod " + p + ", train " + trainInputs.length
                + ", test " + testInputs.length + ", layout " + layout + ", seed " + seed + "]";
    }
}
