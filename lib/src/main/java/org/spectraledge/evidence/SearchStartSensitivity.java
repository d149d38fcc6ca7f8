package org.spectraledge.evidence;

import java.util.List;
import java.util.Objects;
import org.spectraledge.stats.Estimate;

/**
 * The alarm table with the detector's search start moved by a few windows (framework §7b: "a result that changes sign
 * when they move by one window is reported as such").
 *
 * @param rows one row per shift, in the order of the settings
 */
public record SearchStartSensitivity(List<Row> rows) {

    /**
     * One shift.
     *
     * @param shift windows added to the stated search start
     * @param table the alarm table there; not computable when the search start would fall below 0
     * @param signChanged whether its conclusion (sign of sensitivity − false-alarm rate) differs from the stated one
     */
    public record Row(int shift, Estimate<AlarmTable> table, boolean signChanged) {
        public Row {
            Objects.requireNonNull(table, "table");
        }
    }

    public SearchStartSensitivity {
        rows = List.copyOf(rows);
    }

    /** Whether the conclusion keeps its sign at every shift of at most one window. */
    public boolean stableWithinOneWindow() {
        return rows.stream().filter(r -> Math.abs(r.shift()) <= 1).noneMatch(Row::signChanged);
    }

    /** Whether the conclusion keeps its sign at every shift tried. */
    public boolean stable() {
        return rows.stream().noneMatch(Row::signChanged);
    }
}
