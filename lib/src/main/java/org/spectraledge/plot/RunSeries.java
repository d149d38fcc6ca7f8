package org.spectraledge.plot;

import java.util.Arrays;
import java.util.List;
import org.spectraledge.spectral.Adiabatic;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.table.WindowTable;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The per-window time series the run figures draw, taken either from a tracker's {@link WindowResult}s or from a
 * per-window table ({@link WindowTable}, e.g. a CSV written by an earlier run and read back with Tablesaw). NaN
 * marks a value that does not exist (σ_j beyond a partial window, g₂₃ below 3 updates, 𝒜 without a learning
 * rate, overlaps of the first window).
 *
 * @param steps     window step
 * @param sigma     sigma[i][j−1] = σ_j of window i (W columns)
 * @param kStar     gap position k*
 * @param gapRatio  R = r_{k*} under the headline rule
 * @param g23       λ₂ − λ₃
 * @param adiabatic 𝒜 (may be +∞ where the gap is 0)
 * @param alpha     alpha[i][j−1] = α_j ({@code bound} variant)
 * @param overlap   overlap[i][j−1] = |⟨v_j(t−1), v_j(t)⟩|
 */
public record RunSeries(double[] steps, double[][] sigma, double[] kStar, double[] gapRatio, double[] g23,
                        double[] adiabatic, double[][] alpha, double[][] overlap) {

    public RunSeries {
        int n = steps.length;
        if (sigma.length != n || kStar.length != n || gapRatio.length != n || g23.length != n || adiabatic.length != n
                || alpha.length != n || overlap.length != n) {
            throw new IllegalArgumentException("every series needs one entry per window (" + n + " windows)");
        }
        steps = steps.clone();
        sigma = copy(sigma);
        kStar = kStar.clone();
        gapRatio = gapRatio.clone();
        g23 = g23.clone();
        adiabatic = adiabatic.clone();
        alpha = copy(alpha);
        overlap = copy(overlap);
    }

    @Override public double[] steps() { return steps.clone(); }
    @Override public double[][] sigma() { return copy(sigma); }
    @Override public double[] kStar() { return kStar.clone(); }
    @Override public double[] gapRatio() { return gapRatio.clone(); }
    @Override public double[] g23() { return g23.clone(); }
    @Override public double[] adiabatic() { return adiabatic.clone(); }
    @Override public double[][] alpha() { return copy(alpha); }
    @Override public double[][] overlap() { return copy(overlap); }

    /** Number of windows. */
    public int size() { return steps.length; }

    /** The largest window length W seen (the number of σ columns). */
    public int window() { return sigma.length == 0 ? 0 : sigma[0].length; }

    /** σ_j over the windows (NaN where window i has fewer than j updates), 1-based j. */
    public double[] sigma(int j) { return column(sigma, j); }

    /** α_j over the windows, 1-based j. */
    public double[] alpha(int j) { return column(alpha, j); }

    /** Rotation angle arccos(overlap_j) in degrees over the windows, 1-based j. */
    public double[] rotationDegrees(int j) {
        double[] o = column(overlap, j);
        for (int i = 0; i < o.length; i++) o[i] = Double.isNaN(o[i]) ? Double.NaN : Math.toDegrees(Math.acos(Math.min(1, o[i])));
        return o;
    }

    /** The series of a tracker's results (k*, R under each window's headline rule). */
    public static RunSeries of(List<WindowResult> windows) {
        int n = windows.size();
        int w = windows.stream().mapToInt(WindowResult::size).max().orElse(0);
        double[] steps = new double[n], k = new double[n], r = new double[n], g23 = new double[n], a = new double[n];
        double[][] sigma = nan(n, w), alpha = nan(n, w), overlap = nan(n, w);
        for (int i = 0; i < n; i++) {
            WindowResult x = windows.get(i);
            steps[i] = x.step();
            k[i] = x.kStar();
            r[i] = x.gapRatio();
            g23[i] = x.gaps().g23();
            a[i] = x.adiabatic().map(Adiabatic::value).orElse(Double.NaN);
            fill(sigma[i], x.spectrum().sigma());
            fill(alpha[i], x.stability().alphaBound());
            fill(overlap[i], x.stability().overlap());
        }
        return new RunSeries(steps, sigma, k, r, g23, a, alpha, overlap);
    }

    /** The series of a per-window table, with k* from the {@code kstar_plain} column. */
    public static RunSeries of(Table table) {
        return of(table, GapRule.PLAIN);
    }

    /**
     * The series of a per-window table ({@link WindowTable} columns; missing cells become NaN).
     *
     * @param rule whose {@code kstar_<rule>} column gives k*; use the headline rule of the analysis that wrote the
     *             table, since {@code gap_ratio} is the headline rule's R
     */
    public static RunSeries of(Table table, GapRule rule) {
        int w = 0;
        while (table.containsColumn("sigma_" + (w + 1))) w++;
        if (w < 2) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no sigma_1, sigma_2 … columns; "
                    + "expected the per-window table of WindowTable (columns " + WindowTable.columnNames(2) + " for W = 2)");
        }
        int n = table.rowCount();
        double[][] sigma = new double[n][], alpha = new double[n][], overlap = new double[n][];
        for (int i = 0; i < n; i++) {
            sigma[i] = new double[w];
            alpha[i] = new double[w];
            overlap[i] = new double[w];
        }
        for (int j = 1; j <= w; j++) {
            double[] s = read(table, "sigma_" + j), a = read(table, "alpha_" + j), o = read(table, "overlap_" + j);
            for (int i = 0; i < n; i++) {
                sigma[i][j - 1] = s[i];
                alpha[i][j - 1] = a[i];
                overlap[i][j - 1] = o[i];
            }
        }
        return new RunSeries(read(table, "step"), sigma, read(table, "kstar_" + rule.label()), read(table, "gap_ratio"),
                read(table, "g23"), read(table, "adiabatic"), alpha, overlap);
    }

    private static double[] read(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + name
                    + "'; expected the per-window table of WindowTable");
        }
        NumericColumn<?> c = table.numberColumn(name);
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) v[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
        return v;
    }

    private static double[] column(double[][] m, int j) {
        if (j < 1 || j > window(m)) throw new IllegalArgumentException("mode " + j + " outside 1…" + window(m));
        double[] c = new double[m.length];
        for (int i = 0; i < c.length; i++) c[i] = m[i][j - 1];
        return c;
    }

    private static int window(double[][] m) { return m.length == 0 ? 0 : m[0].length; }

    private static double[][] nan(int n, int w) {
        double[][] m = new double[n][w];
        for (double[] row : m) Arrays.fill(row, Double.NaN);
        return m;
    }

    private static void fill(double[] row, double[] values) {
        System.arraycopy(values, 0, row, 0, Math.min(row.length, values.length));
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
