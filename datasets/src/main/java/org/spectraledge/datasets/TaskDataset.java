package org.spectraledge.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * What every generated dataset can say about itself, so that a table, a magic or the command line
 * can show any task the same way. The arrays themselves are on each record ({@link ModularDataset},
 * {@link DyckDataset}, {@link ScanDataset}, {@link ParityDataset}), because their shapes differ.
 */
public interface TaskDataset {

    /** The task this dataset was generated for. */
    TaskName task();

    /** The number of examples in one part. */
    int size(Split split);

    /** The number of distinct input token ids (ids run from 0 to this − 1). */
    int inputVocabSize();

    /**
     * The number of distinct output ids: classes for classification tasks, the action vocabulary
     * (with pad/bos/eos) for SCAN.
     */
    int outputVocabSize();

    /** Example {@code index} of one part, as text. */
    PreviewRow row(Split split, int index);

    /**
     * The first {@code rowsPerSplit} training examples followed by the first {@code rowsPerSplit}
     * test examples (fewer where a part is shorter).
     */
    default List<PreviewRow> preview(int rowsPerSplit) {
        if (rowsPerSplit < 0) {
            throw new IllegalArgumentException("rowsPerSplit must be ≥ 0, got " + rowsPerSplit);
        }
        List<PreviewRow> rows = new ArrayList<>();
        for (Split split : Split.values()) {
            int n = Math.min(rowsPerSplit, size(split));
            for (int i = 0; i < n; i++) {
                rows.add(row(split, i));
            }
        }
        return rows;
    }
}
