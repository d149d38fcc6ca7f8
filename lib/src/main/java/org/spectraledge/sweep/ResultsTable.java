package org.spectraledge.sweep;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A sweep's results as a Tablesaw table, with the columns of {@code results.csv} ({@link RunResult#columns}):
 * configuration values as strings (as written in the sweep file), {@code grokked} boolean, steps and lead time long,
 * k* int, accuracy and seconds double, status string; missing values where a cell is empty.
 */
public final class ResultsTable {
    private ResultsTable() {}

    /** The table of {@code rows} (in the order given). */
    public static Table of(String name, List<String> keys, List<RunResult> rows) {
        List<String> names = RunResult.columns(keys);
        Column<?>[] columns = new Column<?>[names.size()];
        for (int i = 0; i < names.size(); i++) columns[i] = column(names.get(i), keys);
        for (RunResult r : rows) {
            List<Object> cells = r.cells(keys);
            for (int i = 0; i < columns.length; i++) {
                Object o = cells.get(i);
                Column<?> c = columns[i];
                if (o == null) c.appendMissing();
                else if (c instanceof BooleanColumn b) b.append((Boolean) o);
                else if (c instanceof LongColumn l) l.append((Long) o);
                else if (c instanceof IntColumn n) n.append((Integer) o);
                else if (c instanceof DoubleColumn d) d.append((Double) o);
                else ((StringColumn) c).append((String) o);
            }
        }
        return Table.create(name, columns);
    }

    private static Column<?> column(String name, List<String> keys) {
        if (name.equals("run_id") || name.equals("status") || keys.contains(name)) return StringColumn.create(name);
        return switch (name) {
            case "grokked" -> BooleanColumn.create(name);
            case "kstar_plain", "kstar_weighted" -> IntColumn.create(name);
            case "final_test_acc", "seconds" -> DoubleColumn.create(name);
            default -> LongColumn.create(name);
        };
    }
}
