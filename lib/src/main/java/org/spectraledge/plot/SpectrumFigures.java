package org.spectraledge.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.WindowResult;

/** Figures of the spectrum of windows (framework §1–4): scree, ratio profile, σ_j(t), α_j heat map, rotation angles. */
public final class SpectrumFigures {
    private SpectrumFigures() {}

    /**
     * Scree plot: σ_j against j for each window given (log y), with the first window's BBP threshold
     * d_crit = ν·(P(w−1))^{1/4} as a dashed line — at P ≫ W every σ_j sits far above it (framework §3).
     */
    public static XYChart scree(List<WindowResult> windows) {
        String figure = "scree";
        Plotting.requireNonEmpty(figure, windows.size(), "no windows");
        XYChart chart = FigureStyle.xy("Scree: singular values per window", "mode j", "σ_j (log)");
        Plotting.logY(chart);
        int maxW = 0;
        for (int i = 0; i < windows.size(); i++) {
            WindowResult r = windows.get(i);
            double[] sigma = r.spectrum().sigma();
            double[] j = modes(sigma.length);
            String name = "step " + r.step();
            Plotting.requirePositive(figure, name, j, sigma);
            Plotting.line(chart, name, j, sigma, FigureStyle.color(i), FigureStyle.solid()).setMarker(SeriesMarkers.CIRCLE);
            maxW = Math.max(maxW, sigma.length);
        }
        double dCrit = windows.get(0).baseline().dCrit();
        if (dCrit > 0) Plotting.horizontal(chart, "d_crit (BBP)", dCrit, 1, maxW, FigureStyle.REFERENCE, FigureStyle.dashed());
        chart.getStyler().setXAxisDecimalPattern("0");
        Plotting.logLabels(chart);
        return chart;
    }

    /**
     * Ratio profile r_j = σ_j/σ_{j+1} of one window, the k* chosen by each rule marked, and the iid noise floor
     * 1 + 0.37·√(w/P) dashed (framework §2–3).
     */
    public static XYChart ratioProfile(WindowResult window) {
        double[] r = window.gaps().ratios();
        double[] j = modes(r.length);
        XYChart chart = FigureStyle.xy("Ratio profile at step " + window.step(), "j", "r_j = σ_j / σ_{j+1}");
        Plotting.line(chart, "r_j", j, r, FigureStyle.color(0), FigureStyle.solid()).setMarker(SeriesMarkers.CIRCLE);
        Marker[] markers = {SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP};
        GapRule[] rules = GapRule.values();
        for (int i = 0; i < rules.length; i++) {
            int k = window.gaps().by(rules[i]).kStar();
            Plotting.scatter(chart, "k* " + rules[i].label() + " = " + k, new double[] {k}, new double[] {r[k - 1]},
                    FigureStyle.color(i + 1), markers[i]);
        }
        Plotting.horizontal(chart, "iid noise floor", window.baseline().noiseFloor(), 1, Math.max(1, r.length),
                FigureStyle.REFERENCE, FigureStyle.dashed());
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /** σ_j(t) of a tracker's windows; see {@link #sigmaTrajectories(RunSeries, int)}. */
    public static XYChart sigmaTrajectories(List<WindowResult> windows, int modes) {
        return sigmaTrajectories(RunSeries.of(windows), modes);
    }

    /**
     * σ_j(t) for j = 1…modes across the run (log y). Windows with fewer than j updates are skipped for that j;
     * modes beyond W are left out.
     */
    public static XYChart sigmaTrajectories(RunSeries run, int modes) {
        String figure = "σ_j(t) trajectories";
        Plotting.requireNonEmpty(figure, run.size(), "no windows");
        if (modes < 1) throw new IllegalArgumentException(figure + ": need at least 1 mode, got " + modes);
        XYChart chart = FigureStyle.xy("Signal strengths σ_j(t)", "step", "σ_j (log)");
        Plotting.logY(chart);
        for (int j = 1; j <= Math.min(modes, run.window()); j++) {
            Plotting.Points p = Plotting.defined(run.steps(), run.sigma(j));
            if (p.isEmpty()) continue;
            Plotting.requirePositive(figure, "σ_" + j, p.x(), p.y());
            Plotting.line(chart, "σ_" + j, p.x(), p.y(), FigureStyle.color(j - 1), FigureStyle.solid());
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Plotting.logLabels(chart);
        return chart;
    }

    /** α_j heat map of a tracker's windows; see {@link #alphaHeatmap(RunSeries, int)}. */
    public static HeatMapChart alphaHeatmap(List<WindowResult> windows, int modes) {
        return alphaHeatmap(RunSeries.of(windows), modes);
    }

    /**
     * Heat map of the stability coefficient α_j (framework §4, {@code bound} variant) over windows (x) and modes
     * j = 1…modes (y, at most W), on [0, 1]. Long runs are thinned to at most 80 columns (every m-th window) so
     * that the cells stay visible; the column label is the window's step. Cells of modes a partial window does
     * not have are left empty.
     */
    public static HeatMapChart alphaHeatmap(RunSeries run, int modes) {
        String figure = "α heat map";
        Plotting.requireNonEmpty(figure, run.size(), "no windows");
        int m = Math.min(modes, run.window());
        if (m < 1) throw new IllegalArgumentException(figure + ": need at least 1 mode, got " + modes);
        int every = Math.max(1, (int) Math.ceil(run.size() / 80.0));
        double[] steps = run.steps();
        List<Long> columns = new ArrayList<>();
        List<Integer> js = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int j = 1; j <= m; j++) js.add(j);
        for (int j = 1; j <= m; j++) {
            double[] alpha = run.alpha(j);
            for (int i = 0, col = 0; i < run.size(); i += every, col++) {
                if (!Double.isNaN(alpha[i])) cells.add(new Number[] {col, j - 1, alpha[i]});
            }
        }
        for (int i = 0; i < run.size(); i += every) columns.add((long) steps[i]);
        HeatMapChart chart = FigureStyle.heatMap("Stability α_j per window", "step", "mode j");
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.getStyler().setXAxisMaxLabelCount(10);
        chart.addSeries("α_j", columns, js, cells);
        return chart;
    }

    /** Rotation angles of a tracker's windows; see {@link #rotationAngles(RunSeries, int)}. */
    public static XYChart rotationAngles(List<WindowResult> windows, int modes) {
        return rotationAngles(RunSeries.of(windows), modes);
    }

    /**
     * Rotation angle arccos|⟨v_j(t−1), v_j(t)⟩| of the leading directions between consecutive windows, in degrees
     * (framework §4). The first window has no predecessor and is skipped.
     */
    public static XYChart rotationAngles(RunSeries run, int modes) {
        String figure = "rotation angles";
        Plotting.requireNonEmpty(figure, run.size(), "no windows");
        XYChart chart = FigureStyle.xy("Rotation of the leading directions", "step", "angle between windows (degrees)");
        for (int j = 1; j <= Math.min(modes, run.window()); j++) {
            Plotting.Points p = Plotting.defined(run.steps(), run.rotationDegrees(j));
            if (!p.isEmpty()) Plotting.line(chart, "v_" + j, p.x(), p.y(), FigureStyle.color(j - 1), FigureStyle.solid());
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(90.0);
        return chart;
    }

    private static double[] modes(int n) {
        double[] j = new double[n];
        for (int i = 0; i < n; i++) j[i] = i + 1;
        return j;
    }
}
