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

/** Figures of the spectrum of windows (SPEC §1–4): scree, ratio profile, σ_j(t), α_j heat map, rotation angles. */
public final class SpectrumFigures {
    private SpectrumFigures() {}

    /**
     * Scree plot: σ_j against j for each window given (log y), with the first window's BBP threshold
     * d_crit = ν·(P(w−1))^{1/4} as a dashed line — at P ≫ W every σ_j sits far above it (SPEC §3).
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
        return chart;
    }

    /**
     * Ratio profile r_j = σ_j/σ_{j+1} of one window, the k* chosen by each rule marked, and the iid noise floor
     * 1 + 0.37·√(w/P) dashed (SPEC §2–3).
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

    /** σ_j(t) for j = 1…modes across the run (log y). Windows with fewer than j updates are skipped for that j. */
    public static XYChart sigmaTrajectories(List<WindowResult> windows, int modes) {
        String figure = "σ_j(t) trajectories";
        Plotting.requireNonEmpty(figure, windows.size(), "no windows");
        if (modes < 1) throw new IllegalArgumentException(figure + ": need at least 1 mode, got " + modes);
        XYChart chart = FigureStyle.xy("Signal strengths σ_j(t)", "step", "σ_j (log)");
        Plotting.logY(chart);
        for (int j = 1; j <= modes; j++) {
            double[] t = new double[windows.size()], s = new double[windows.size()];
            for (int i = 0; i < t.length; i++) {
                WindowResult r = windows.get(i);
                t[i] = r.step();
                s[i] = j <= r.size() ? r.sigma(j) : Double.NaN;
            }
            Plotting.Points p = Plotting.defined(t, s);
            if (p.isEmpty()) continue;
            Plotting.requirePositive(figure, "σ_" + j, p.x(), p.y());
            Plotting.line(chart, "σ_" + j, p.x(), p.y(), FigureStyle.color(j - 1), FigureStyle.solid());
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /**
     * Heat map of the stability coefficient α_j (SPEC §4, {@code bound} variant) over windows (x) and modes
     * j = 1…modes (y), on [0, 1]. Long runs are thinned to at most 80 columns (every m-th window) so that the
     * cells stay visible; the column label is the window's step.
     */
    public static HeatMapChart alphaHeatmap(List<WindowResult> windows, int modes) {
        String figure = "α heat map";
        Plotting.requireNonEmpty(figure, windows.size(), "no windows");
        int every = Math.max(1, (int) Math.ceil(windows.size() / 80.0));
        List<Long> steps = new ArrayList<>();
        List<Integer> js = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int j = 1; j <= modes; j++) js.add(j);
        for (int i = 0, col = 0; i < windows.size(); i += every, col++) {
            WindowResult r = windows.get(i);
            steps.add(r.step());
            double[] alpha = r.stability().alphaBound();
            for (int j = 1; j <= modes; j++) {
                if (j <= alpha.length) cells.add(new Number[] {col, j - 1, alpha[j - 1]});
            }
        }
        HeatMapChart chart = FigureStyle.heatMap("Stability α_j per window", "step", "mode j");
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.getStyler().setXAxisMaxLabelCount(10);
        chart.addSeries("α_j", steps, js, cells);
        return chart;
    }

    /**
     * Rotation angle arccos|⟨v_j(t−1), v_j(t)⟩| of the leading directions between consecutive windows, in degrees
     * (SPEC §4). The first window has no predecessor and is skipped.
     */
    public static XYChart rotationAngles(List<WindowResult> windows, int modes) {
        String figure = "rotation angles";
        Plotting.requireNonEmpty(figure, windows.size(), "no windows");
        XYChart chart = FigureStyle.xy("Rotation of the leading directions", "step", "angle between windows (degrees)");
        for (int j = 1; j <= modes; j++) {
            double[] t = new double[windows.size()], a = new double[windows.size()];
            for (int i = 0; i < t.length; i++) {
                double[] angles = windows.get(i).stability().rotationAngles();
                t[i] = windows.get(i).step();
                a[i] = j <= angles.length ? Math.toDegrees(angles[j - 1]) : Double.NaN;
            }
            Plotting.Points p = Plotting.defined(t, a);
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
