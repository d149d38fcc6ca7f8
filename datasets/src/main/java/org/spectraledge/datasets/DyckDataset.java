package org.spectraledge.datasets;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A generated Dyck-1 depth dataset (see {@link DyckDepth}): fixed-length balanced bracket words and
 * the depth after each bracket. The arrays are shared, not copied: treat them as read-only.
 *
 * @param length      brackets per sequence (even)
 * @param seed        the sampling seed
 * @param trainInputs n_train × length token ids ({@link DyckDepth#OPEN}, {@link DyckDepth#CLOSE})
 * @param trainDepths n_train × length depths in [0, length/2]
 * @param testInputs  n_test × length token ids
 * @param testDepths  n_test × length depths
 */
public record DyckDataset(int length, long seed, int[][] trainInputs, int[][] trainDepths,
                          int[][] testInputs, int[][] testDepths) implements TaskDataset {

    public DyckDataset {
        if (length < 2 || length % 2 != 0) {
            throw new IllegalArgumentException("length must be even and ≥ 2, got " + length);
        }
        checkPart("train", trainInputs, trainDepths, length);
        checkPart("test", testInputs, testDepths, length);
    }

    private static void checkPart(String name, int[][] inputs, int[][] depths, int length) {
        Objects.requireNonNull(inputs, name + " inputs");
        Objects.requireNonNull(depths, name + " depths");
        if (inputs.length != depths.length) {
            throw new IllegalArgumentException(name + " has " + inputs.length + " sequences but "
                    + depths.length + " depth rows");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != length || depths[i].length != length) {
                throw new IllegalArgumentException(name + " row " + i + " is not of length " + length);
            }
            if (!Arrays.equals(DyckDepth.depths(inputs[i]), depths[i])) {
                throw new IllegalArgumentException(name + " row " + i + " has depths that do not match its brackets");
            }
        }
    }

    @Override
    public TaskName task() {
        return TaskName.DYCK;
    }

    @Override
    public int size(Split split) {
        return inputs(split).length;
    }

    /** The token ids of one part (n × length). */
    public int[][] inputs(Split split) {
        return split == Split.TRAIN ? trainInputs : testInputs;
    }

    /** The per-position depth labels of one part (n × length). */
    public int[][] depths(Split split) {
        return split == Split.TRAIN ? trainDepths : testDepths;
    }

    /** Two tokens: "(" and ")". */
    @Override
    public int inputVocabSize() {
        return 2;
    }

    /** Depth classes 0 … length/2. */
    @Override
    public int outputVocabSize() {
        return length / 2 + 1;
    }

    @Override
    public PreviewRow row(Split split, int index) {
        String brackets = DyckDepth.text(inputs(split)[index]);
        String depths = Arrays.stream(depths(split)[index]).mapToObj(Integer::toString)
                .collect(Collectors.joining(" "));
        return new PreviewRow(split, index, brackets, depths, brackets + " → " + depths);
    }

    @Override
    public String toString() {
        return "DyckDataset[length " + length + ", train " + trainInputs.length + ", test " + testInputs.length
                + ", seed " + seed + "]";
    }
}
