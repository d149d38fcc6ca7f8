package org.spectraledge.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.Stability;
import org.spectraledge.spectral.WindowResult;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The per-window table: one row per {@link WindowResult}, columns named after the framework symbols. Its CSV form is a
 * public contract (other tools read it), with exactly these columns in this order:
 *
 * <pre>
 * step, size, sigma_1…sigma_W, ratio_1…ratio_{W−1}, kstar_plain, kstar_weighted, kstar_floored,
 * gap_ratio, gap, eigengap, g23, dG_exact, dG_eigen, alpha_1…alpha_W, overlap_1…overlap_W,
 * adiabatic, regime, bbp_ratio, pc1, k95
 * </pre>
 *
 * {@code step} is the label of the window's newest update, {@code size} the updates in it; k* columns are 1-based;
 * {@code gap_ratio}, {@code gap}, {@code eigengap} and {@code adiabatic} use the headline rule; α is the
 * {@code bound} variant and {@code overlap} the consecutive-window one. A cell is empty, never NaN, where the
 * quantity does not exist: σ_j and α_j beyond the size of a partial window, overlap_j beyond the previous window's
 * size, g₂₃ below 3 updates, {@code adiabatic}/{@code regime} without a learning rate, {@code bbp_ratio} when ν = 0.
 * 𝒜 is written as {@code Infinity} when the window changed while its gap was 0. Numbers are written in full
 * precision (Java's shortest round-trip form).
 */
public final class WindowTable {
    private WindowTable() {}

    /** The CSV header for window length W, in contract order. */
    public static List<String> columnNames(int window) {
        List<String> names = new ArrayList<>(List.of("step", "size"));
        for (int j = 1; j <= window; j++) names.add("sigma_" + j);
        for (int j = 1; j < window; j++) names.add("ratio_" + j);
        names.addAll(List.of("kstar_plain", "kstar_weighted", "kstar_floored", "gap_ratio", "gap", "eigengap", "g23",
                "dG_exact", "dG_eigen"));
        for (int j = 1; j <= window; j++) names.add("alpha_" + j);
        for (int j = 1; j <= window; j++) names.add("overlap_" + j);
        names.addAll(List.of("adiabatic", "regime", "bbp_ratio", "pc1", "k95"));
        return names;
    }

    /**
     * One row's values in column order: {@code Long} step, {@code Integer} size / k* / k95, {@code String} regime,
     * {@code Double} otherwise, and {@code null} where the quantity does not exist.
     */
    public static List<Object> values(WindowResult r, int window) {
        if (r.size() > window) {
            throw new IllegalArgumentException("a window of " + r.size() + " updates does not fit a table for W = " + window);
        }
        Stability st = r.stability();
        List<Object> v = new ArrayList<>(columnNames(window).size());
        v.add(r.step());
        v.add(r.size());
        padded(v, r.spectrum().sigma(), window);
        padded(v, r.gaps().ratios(), window - 1);
        v.add(r.gaps().by(GapRule.PLAIN).kStar());
        v.add(r.gaps().by(GapRule.WEIGHTED).kStar());
        v.add(r.gaps().by(GapRule.FLOORED).kStar());
        v.add(r.gap().ratio());
        v.add(r.gap().gap());
        v.add(r.gap().eigengap());
        v.add(orNull(r.gaps().g23()));
        v.add(st.deltaExact());
        v.add(st.deltaEigen());
        padded(v, st.alphaBound(), window);
        padded(v, st.overlap(), window);
        v.add(r.adiabatic().map(a -> (Object) a.value()).orElse(null));
        v.add(r.adiabatic().map(a -> (Object) a.regime().label()).orElse(null));
        v.add(orNull(r.baseline().bbpRatio()));
        v.add(r.pc1());
        v.add(r.k95());
        return v;
    }

    /** One CSV line (no line terminator) for a window. */
    public static String csvLine(WindowResult r, int window) {
        StringBuilder b = new StringBuilder();
        for (Object o : values(r, window)) {
            if (b.length() > 0) b.append(',');
            if (o != null) b.append(o);
        }
        return b.toString();
    }

    /**
     * Builds the Tablesaw table (for display and further analysis).
     *
     * @param name    table name (e.g. the parameter group)
     * @param window  W, which fixes the number of σ, ratio, α and overlap columns
     * @param results the windows, in order. Not modified.
     */
    public static Table of(String name, int window, List<WindowResult> results) {
        List<Column<?>> columns = new ArrayList<>();
        for (String n : columnNames(window)) columns.add(columnType(n).create(n));
        for (WindowResult r : results) {
            List<Object> v = values(r, window);
            for (int c = 0; c < columns.size(); c++) {
                Column<?> col = columns.get(c);
                Object o = v.get(c);
                if (o == null) col.appendMissing();
                else if (col instanceof LongColumn l) l.append((Long) o);
                else if (col instanceof IntColumn i) i.append((Integer) o);
                else if (col instanceof StringColumn s) s.append((String) o);
                else ((DoubleColumn) col).append((Double) o);
            }
        }
        return Table.create(name, columns);
    }

    /**
     * Reads a window CSV written by {@link #writeCsv} (a run's {@code windows.csv}) into the table {@link #of} would
     * have built: the same column types, empty cells missing. Tablesaw's own type guessing is not used, because it
     * reads a column that is still empty (𝒜 without a learning rate, σ_W early in a run) as text.
     *
     * @throws IllegalArgumentException naming the file if it cannot be read or a cell is not of its column's type
     */
    public static Table read(Path file) {
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).tableName(file.getFileName().toString())
                    .columnTypes(WindowTable::columnType).build());
        } catch (RuntimeException e) { // Tablesaw reports a missing file and a bad cell alike, unchecked
            throw new IllegalArgumentException("cannot read " + file + " as a window table: " + e.getMessage(), e);
        }
    }

    /** The type of a contract column: step long, counts and k* integers, the regime text, everything else double. */
    private static ColumnType columnType(String name) {
        if (name.equals("step")) return ColumnType.LONG;
        if (name.equals("size") || name.startsWith("kstar_") || name.equals("k95")) return ColumnType.INTEGER;
        if (name.equals("regime")) return ColumnType.STRING;
        return ColumnType.DOUBLE;
    }

    /** Writes the CSV (header, then one line per window) to {@code file}, creating parent folders. */
    public static void writeCsv(List<WindowResult> results, int window, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeCsv(results, window, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the window table to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the CSV (header, then one line per window) to a writer. */
    public static void writeCsv(List<WindowResult> results, int window, Writer out) throws IOException {
        out.write(String.join(",", columnNames(window)));
        out.write('\n');
        for (WindowResult r : results) {
            out.write(csvLine(r, window));
            out.write('\n');
        }
        out.flush();
    }

    private static void padded(List<Object> v, double[] values, int n) {
        for (int j = 0; j < n; j++) v.add(j < values.length ? orNull(values[j]) : null);
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
