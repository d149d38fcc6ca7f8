package org.spectraledge.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.Stability;
import org.spectraledge.spectral.WindowResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The per-window table: one row per {@link WindowResult}, columns named after the SPEC symbols. Its CSV form is a
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
 * quantity does not exist: σ_j and α_j beyond the size of a partial window, g₂₃ below 3 updates, overlaps of the
 * first window, {@code adiabatic}/{@code regime} without a learning rate, {@code bbp_ratio} when ν = 0.
 * 𝒜 is written as {@code Infinity} when the window changed while its gap was 0.
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
     * Builds the table.
     *
     * @param name    table name (e.g. the parameter group)
     * @param window  W, which fixes the number of σ, ratio, α and overlap columns
     * @param results the windows, in order. Not modified.
     */
    public static Table of(String name, int window, List<WindowResult> results) {
        LongColumn step = LongColumn.create("step");
        IntColumn size = IntColumn.create("size");
        DoubleColumn[] sigma = doubles("sigma_", window);
        DoubleColumn[] ratio = doubles("ratio_", window - 1);
        IntColumn kPlain = IntColumn.create("kstar_plain");
        IntColumn kWeighted = IntColumn.create("kstar_weighted");
        IntColumn kFloored = IntColumn.create("kstar_floored");
        DoubleColumn gapRatio = DoubleColumn.create("gap_ratio");
        DoubleColumn gap = DoubleColumn.create("gap");
        DoubleColumn eigengap = DoubleColumn.create("eigengap");
        DoubleColumn g23 = DoubleColumn.create("g23");
        DoubleColumn dExact = DoubleColumn.create("dG_exact");
        DoubleColumn dEigen = DoubleColumn.create("dG_eigen");
        DoubleColumn[] alpha = doubles("alpha_", window);
        DoubleColumn[] overlap = doubles("overlap_", window);
        DoubleColumn adiabatic = DoubleColumn.create("adiabatic");
        StringColumn regime = StringColumn.create("regime");
        DoubleColumn bbp = DoubleColumn.create("bbp_ratio");
        DoubleColumn pc1 = DoubleColumn.create("pc1");
        IntColumn k95 = IntColumn.create("k95");

        for (WindowResult r : results) {
            if (r.size() > window) {
                throw new IllegalArgumentException("a window of " + r.size() + " updates does not fit a table for W = " + window);
            }
            Stability st = r.stability();
            step.append(r.step());
            size.append(r.size());
            fill(sigma, r.spectrum().sigma());
            fill(ratio, r.gaps().ratios());
            kPlain.append(r.gaps().by(GapRule.PLAIN).kStar());
            kWeighted.append(r.gaps().by(GapRule.WEIGHTED).kStar());
            kFloored.append(r.gaps().by(GapRule.FLOORED).kStar());
            gapRatio.append(r.gap().ratio());
            gap.append(r.gap().gap());
            eigengap.append(r.gap().eigengap());
            appendOrMissing(g23, r.gaps().g23());
            dExact.append(st.deltaExact());
            dEigen.append(st.deltaEigen());
            fill(alpha, st.alphaBound());
            fill(overlap, st.overlap());
            if (r.adiabatic().isPresent()) {
                adiabatic.append(r.adiabatic().get().value());
                regime.append(r.adiabatic().get().regime().label());
            } else {
                adiabatic.appendMissing();
                regime.appendMissing();
            }
            appendOrMissing(bbp, r.baseline().bbpRatio());
            pc1.append(r.pc1());
            k95.append(r.k95());
        }

        List<Column<?>> columns = new ArrayList<>(List.of(step, size));
        columns.addAll(List.of(sigma));
        columns.addAll(List.of(ratio));
        columns.addAll(List.of(kPlain, kWeighted, kFloored, gapRatio, gap, eigengap, g23, dExact, dEigen));
        columns.addAll(List.of(alpha));
        columns.addAll(List.of(overlap));
        columns.addAll(List.of(adiabatic, regime, bbp, pc1, k95));
        return Table.create(name, columns);
    }

    /** Writes the table as CSV (header row, then one row per window) to {@code file}, creating parent folders. */
    public static void writeCsv(Table table, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            table.write().csv(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the window table to " + file + ": " + e.getMessage(), e);
        }
    }

    private static DoubleColumn[] doubles(String prefix, int n) {
        DoubleColumn[] c = new DoubleColumn[n];
        for (int j = 0; j < n; j++) c[j] = DoubleColumn.create(prefix + (j + 1));
        return c;
    }

    /** Appends values[j] to column j, and a missing value to the columns beyond the array. */
    private static void fill(DoubleColumn[] columns, double[] values) {
        for (int j = 0; j < columns.length; j++) appendOrMissing(columns[j], j < values.length ? values[j] : Double.NaN);
    }

    private static void appendOrMissing(DoubleColumn c, double v) {
        if (Double.isNaN(v)) c.appendMissing(); else c.append(v);
    }
}
