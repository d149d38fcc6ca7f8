package org.spectraledge.plot;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectraledge.theory.BbpPhaseDiagram;
import org.spectraledge.theory.BbpPoint;
import org.spectraledge.theory.DavisKahanPoint;
import org.spectraledge.theory.DysonTrajectory;
import org.spectraledge.theory.LevelSpacing;
import org.spectraledge.theory.MarchenkoPastur;
import org.spectraledge.theory.SignalFlow;
import org.spectraledge.theory.SignalTrajectory;

/** Figures of the theory simulators (framework §3, §4, §6). */
public final class TheoryFigures {
    private TheoryFigures() {}

    /** d_j(t) of the signal ODE with each mode's steady state d_j^ss dashed in the same colour (framework §6). */
    public static XYChart signalTrajectories(SignalTrajectory trajectory, SignalFlow flow) {
        if (trajectory.modes() != flow.modes()) {
            throw new IllegalArgumentException("signal trajectories: the trajectory has " + trajectory.modes()
                    + " modes but the flow " + flow.modes());
        }
        XYChart chart = FigureStyle.xy("Signal strengths d_j(t) and their steady states", "step", "d_j");
        double[] t = trajectory.times();
        // without a steady state (some h_j + ω ≤ 0) the dashed references are left out
        double[] ss = flow.hasSteadyState() ? flow.steadyState() : null;
        for (int j = 1; j <= trajectory.modes(); j++) {
            String name = String.format(Locale.ROOT, "d_%d (h=%.3g, |G|=%.3g)", j, flow.curvature(j), Math.abs(flow.gradient(j)));
            Plotting.line(chart, name, t, trajectory.mode(j), FigureStyle.color(j - 1), FigureStyle.solid());
            if (ss != null) {
                Plotting.horizontal(chart, "d_" + j + " steady state", ss[j - 1], t[0], t[t.length - 1],
                        FigureStyle.color(j - 1), FigureStyle.dashed()).setShowInLegend(false);
            }
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Dyson Brownian motion: every level λ_i(t) (framework §6). Levels never cross; close levels push apart. Colour runs
     * along viridis from the lowest to the highest level; there is no legend (one line per level).
     */
    public static XYChart dyson(DysonTrajectory path) {
        XYChart chart = FigureStyle.xy("Dyson Brownian motion, β = " + path.beta() + ", N = " + path.size(), "time t", "λ_i(t)");
        double[] t = path.times();
        int n = path.size();
        for (int i = 1; i <= n; i++) {
            XYSeries s = Plotting.line(chart, "λ_" + i, t, path.level(i), FigureStyle.sequential(n == 1 ? 0 : (i - 1.0) / (n - 1)),
                    new BasicStroke(1.2f));
            s.setShowInLegend(false);
        }
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.00");
        return chart;
    }

    /**
     * Histogram of unfolded nearest-level spacings (a density, bins of width 0.2 on [0, 4]) against the Wigner
     * surmise of class β and the Poisson law e^{−s}: repulsion shows as the hole at s → 0.
     *
     * @param spacings spacings at unit mean spacing (e.g. {@link LevelSpacing#unfoldedSpacings})
     */
    public static XYChart levelSpacing(double[] spacings, int beta) {
        Plotting.requireNonEmpty("level spacing", spacings.length, "no spacings");
        double width = 0.2;
        int bins = 20;
        double[] density = new double[bins];
        for (double s : spacings) {
            int b = (int) Math.floor(s / width);
            if (b >= 0 && b < bins) density[b] += 1.0 / (spacings.length * width);
        }
        double[] edges = new double[bins + 1], heights = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = b * width;
            heights[b] = density[Math.min(b, bins - 1)];
        }
        XYChart chart = FigureStyle.xy("Nearest-level spacings", "spacing s (unit mean)", "density p(s)");
        XYSeries h = chart.addSeries("simulated", edges, heights);
        h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        h.setFillColor(FigureStyle.withAlpha(FigureStyle.color(5), 0.45));
        h.setLineColor(FigureStyle.color(5));
        h.setMarker(SeriesMarkers.NONE);
        double[] s = new double[201], wigner = new double[201], poisson = new double[201];
        for (int i = 0; i < s.length; i++) {
            s[i] = 4.0 * i / (s.length - 1);
            wigner[i] = LevelSpacing.wignerSurmise(beta, s[i]);
            poisson[i] = LevelSpacing.poissonSpacing(s[i]);
        }
        Plotting.line(chart, "Wigner surmise β = " + beta, s, wigner, FigureStyle.color(1), FigureStyle.solid());
        Plotting.line(chart, "Poisson e^−s", s, poisson, FigureStyle.color(6), FigureStyle.dashed());
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Histogram of simulated eigenvalues λ of noise windows (a density over 40 bins on the bulk) against the
     * Marchenko–Pastur density, with the edges λ± dashed (framework §3). Zero eigenvalues (the atom when W &gt; P) are
     * left out of the histogram, as they are of the density.
     */
    public static XYChart marchenkoPastur(double[] eigenvalues, MarchenkoPastur law) {
        double lo = law.lower(), hi = law.upper();
        double from = lo - 0.1 * (hi - lo), to = hi + 0.1 * (hi - lo);
        int bins = 40;
        double width = (to - from) / bins;
        double[] density = new double[bins];
        int n = eigenvalues.length;
        Plotting.requireNonEmpty("Marchenko–Pastur", n, "no eigenvalues");
        for (double l : eigenvalues) {
            int b = (int) Math.floor((l - from) / width);
            if (l > 1e-9 * hi && b >= 0 && b < bins) density[b] += 1.0 / (n * width);
        }
        double[] edges = new double[bins + 1], heights = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = from + b * width;
            heights[b] = density[Math.min(b, bins - 1)];
        }
        XYChart chart = FigureStyle.xy(String.format(Locale.ROOT, "Marchenko–Pastur bulk, W = %d, P = %d", law.window(), law.parameters()),
                "eigenvalue λ of G", "density");
        XYSeries h = chart.addSeries("simulated noise windows", edges, heights);
        h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        h.setFillColor(FigureStyle.withAlpha(FigureStyle.color(5), 0.45));
        h.setLineColor(FigureStyle.color(5));
        h.setMarker(SeriesMarkers.NONE);
        double[] x = new double[301], y = new double[301];
        for (int i = 0; i < x.length; i++) {
            x[i] = from + (to - from) * i / (x.length - 1);
            y[i] = law.density(x[i]);
        }
        Plotting.line(chart, "Marchenko–Pastur density", x, y, FigureStyle.color(1), FigureStyle.solid());
        double top = Math.max(Plotting.max(y), Plotting.max(heights));
        Plotting.vertical(chart, "λ₋, λ₊", lo, 0, top, FigureStyle.REFERENCE, FigureStyle.dashed());
        Plotting.vertical(chart, "λ₊", hi, 0, top, FigureStyle.REFERENCE, FigureStyle.dashed()).setShowInLegend(false);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * BBP detection curves: detection rate against d/d_crit, one line per aspect ratio P/W, with the threshold
     * d = d_crit and the false-alarm rate α marked (framework §3).
     */
    public static XYChart bbpDetection(BbpPhaseDiagram diagram) {
        XYChart chart = FigureStyle.xy("BBP transition: detecting a planted drift", "signal strength d / d_crit", "detection rate");
        List<int[]> shapes = diagram.shapes();
        double xMax = 0;
        for (int i = 0; i < shapes.size(); i++) {
            List<BbpPoint> c = diagram.curve(shapes.get(i)[0], shapes.get(i)[1]);
            double[] x = c.stream().mapToDouble(BbpPoint::strengthRatio).toArray();
            double[] y = c.stream().mapToDouble(BbpPoint::detectionRate).toArray();
            xMax = Math.max(xMax, Plotting.max(x));
            Plotting.line(chart, String.format(Locale.ROOT, "W = %d, P = %d", shapes.get(i)[0], shapes.get(i)[1]), x, y,
                    FigureStyle.color(i), FigureStyle.solid()).setMarker(SeriesMarkers.CIRCLE);
        }
        Plotting.vertical(chart, "d = d_crit", 1, 0, 1, FigureStyle.REFERENCE, FigureStyle.dashed());
        Plotting.horizontal(chart, "false-alarm rate α", diagram.falseAlarmRate(), 0, xMax, FigureStyle.REFERENCE, FigureStyle.dotted());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    /**
     * BBP phase diagram as a heat map: aspect ratio P/W (x) × d/d_crit (y), cell = detection rate in [0, 1].
     * Every shape must have been run at the same strengths.
     */
    public static HeatMapChart bbpPhaseDiagram(BbpPhaseDiagram diagram) {
        List<int[]> shapes = diagram.shapes();
        List<BbpPoint> first = diagram.curve(shapes.get(0)[0], shapes.get(0)[1]);
        double[] strengths = first.stream().mapToDouble(BbpPoint::strengthRatio).toArray();
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (double s : strengths) ys.add(String.format(Locale.ROOT, "%.2f", s));
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            List<BbpPoint> c = diagram.curve(shapes.get(i)[0], shapes.get(i)[1]);
            double[] own = c.stream().mapToDouble(BbpPoint::strengthRatio).toArray();
            if (!Arrays.equals(own, strengths)) {
                throw new IllegalArgumentException("BBP phase diagram: shape " + shapes.get(i)[0] + "×" + shapes.get(i)[1]
                        + " was run at other strengths than the first shape; run all shapes on one grid");
            }
            xs.add(String.format(Locale.ROOT, "%dx%d", shapes.get(i)[0], shapes.get(i)[1]));
            for (int j = 0; j < c.size(); j++) cells.add(new Number[] {i, j, c.get(j).detectionRate()});
        }
        HeatMapChart chart = FigureStyle.heatMap("BBP phase diagram: detection rate", "window W×P", "d / d_crit");
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.addSeries("detection rate", xs, ys, cells);
        return chart;
    }

    /**
     * Davis–Kahan: measured sin θ of the dominant subspace against ‖ΔG‖_F / δ (log–log), with the framework bound
     * sin θ = ‖ΔG‖/δ and the always-valid 2‖ΔG‖/δ as lines (framework §4). Trials with ‖ΔG‖ = 0 are dropped (they
     * sit at the origin, off a log axis).
     */
    public static XYChart davisKahan(List<DavisKahanPoint> points) {
        String figure = "Davis–Kahan";
        double[] x = points.stream().filter(p -> p.perturbationNorm() > 0).mapToDouble(p -> p.perturbationNorm() / p.eigengap()).toArray();
        double[] y = points.stream().filter(p -> p.perturbationNorm() > 0).mapToDouble(DavisKahanPoint::sinTheta).toArray();
        Plotting.requireNonEmpty(figure, x.length, "no trial with a nonzero perturbation");
        Plotting.requirePositive(figure, "measured sin θ", x, y);
        XYChart chart = FigureStyle.xy("Davis–Kahan: rotation of the dominant subspace", "‖ΔG‖_F / δ (log)", "sin θ (log)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Plotting.scatter(chart, "measured", x, y, FigureStyle.withAlpha(FigureStyle.color(0), 0.6), SeriesMarkers.CIRCLE);
        double lo = Plotting.min(x), hi = Plotting.max(x);
        double[] bx = {lo, Math.min(hi, 1)};
        Plotting.line(chart, "bound ‖ΔG‖/δ", bx, bx.clone(), FigureStyle.color(1), FigureStyle.solid());
        double[] gx = {lo, Math.min(hi, 0.5)};
        Plotting.line(chart, "2‖ΔG‖/δ (always valid)", gx, new double[] {2 * gx[0], 2 * gx[1]}, FigureStyle.REFERENCE, FigureStyle.dashed());
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }
}
