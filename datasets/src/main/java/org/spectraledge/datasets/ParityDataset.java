package org.spectraledge.datasets;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A generated sparse-parity dataset (see {@link SparseParity}). The arrays are shared, not copied:
 * treat them as read-only.
 *
 * @param bits        n, bits per example
 * @param relevant    the k relevant bit indices, ascending
 * @param seed        the generator seed
 * @param trainInputs n_train × n bits (0 or 1)
 * @param trainLabels n_train parities
 * @param testInputs  n_test × n bits
 * @param testLabels  n_test parities
 */
public record ParityDataset(int bits, int[] relevant, long seed, int[][] trainInputs, int[] trainLabels,
                            int[][] testInputs, int[] testLabels) implements TaskDataset {

    public ParityDataset {
        Objects.requireNonNull(relevant, "relevant");
        if (bits < 1 || relevant.length < 1 || relevant.length > bits) {
            throw new IllegalArgumentException("need n ≥ 1 and 1 ≤ k ≤ n, got n = " + bits + ", k = " + relevant.length);
        }
        for (int i = 1; i < relevant.length; i++) {
            if (relevant[i] <= relevant[i - 1]) {
                throw new IllegalArgumentException("relevant indices must be strictly ascending, got "
                        + Arrays.toString(relevant));
            }
        }
        checkPart("train", trainInputs, trainLabels, bits, relevant);
        checkPart("test", testInputs, testLabels, bits, relevant);
    }

    private static void checkPart(String name, int[][] inputs, int[] labels, int bits, int[] relevant) {
        Objects.requireNonNull(inputs, name + " inputs");
        Objects.requireNonNull(labels, name + " labels");
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(name + " has " + inputs.length + " inputs but "
                    + labels.length + " labels");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != bits) {
                throw new IllegalArgumentException(name + " input " + i + " has " + inputs[i].length
                        + " bits, expected " + bits);
            }
            if (SparseParity.parity(inputs[i], relevant) != labels[i]) {
                throw new IllegalArgumentException(name + " label " + i + " is not the parity of the relevant bits");
            }
        }
    }

    @Override
    public TaskName task() {
        return TaskName.PARITY;
    }

    @Override
    public int size(Split split) {
        return inputs(split).length;
    }

    /** The bits of one part (n_examples × n). */
    public int[][] inputs(Split split) {
        return split == Split.TRAIN ? trainInputs : testInputs;
    }

    /** The labels of one part. */
    public int[] labels(Split split) {
        return split == Split.TRAIN ? trainLabels : testLabels;
    }

    /** Bits 0 and 1. */
    @Override
    public int inputVocabSize() {
        return 2;
    }

    /** Parity 0 or 1. */
    @Override
    public int outputVocabSize() {
        return 2;
    }

    @Override
    public PreviewRow row(Split split, int index) {
        String x = Arrays.stream(inputs(split)[index]).mapToObj(Integer::toString).collect(Collectors.joining());
        String y = Integer.toString(labels(split)[index]);
        return new PreviewRow(split, index, x, y, x + " → " + y + " (parity of bits " + relevantText() + ")");
    }

    private String relevantText() {
        return Arrays.stream(relevant).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "ParityDataset[n " + bits + ", k " + relevant.length + " (bits " + relevantText() + "), train "
                + trainInputs.length + ", test " + testInputs.length + ", seed " + seed + "]";
    }
}
