package org.spectraledge.table;

import java.util.Locale;
import org.spectraledge.datasets.PreviewRow;
import org.spectraledge.datasets.Split;
import org.spectraledge.datasets.TaskDataset;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A task's examples as a Tablesaw table for display: {@code split, index, input, target}. */
public final class DatasetTable {
    private DatasetTable() {}

    /**
     * The first {@code rowsPerSplit} training and test examples.
     *
     * @param dataset any generated dataset
     */
    public static Table preview(TaskDataset dataset, int rowsPerSplit) {
        StringColumn split = StringColumn.create("split");
        IntColumn index = IntColumn.create("index");
        StringColumn input = StringColumn.create("input");
        StringColumn target = StringColumn.create("target");
        for (PreviewRow r : dataset.preview(rowsPerSplit)) {
            split.append(r.split().name().toLowerCase(Locale.ROOT));
            index.append(r.index());
            input.append(r.input());
            target.append(r.target());
        }
        String title = String.format("%s: %d train, %d test examples", dataset.task().cliName(),
                dataset.size(Split.TRAIN), dataset.size(Split.TEST));
        return Table.create(title, split, index, input, target);
    }
}
