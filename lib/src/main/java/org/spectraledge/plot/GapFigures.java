package org.spectraledge.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.Adiabatic;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.theory.GapFlowFit;

/** Figures of the gap over a run (framework §2, §5–7): k* and R against validation loss, g₂₃, the gap flow, 𝒜. */
public final class GapFigures {
    private GapFigures() {}

    /** k*(t), R(t) and validation loss of a tracker's windows; see {@link #gapAndValidationLoss(RunSeries, EvalLog)}. */
    public static XYChart gapAndValidationLoss(List<WindowResult> windows, EvalLog log) {
        return gapAndValidationLoss(RunSeries.of(windows), log);
    }

    /**
     * k*(t) and R(t) (left axis) against the validation (test) loss (right axis), the grok step marked when the
     * run grokked. Window steps and eval steps must be in the same units.
     */
    public static XYChart gapAndValidationLoss(RunSeries run, EvalLog log) {
        Plotting.requireNonEmpty("k*, R vs validation loss", run.size(), "no windows");
        XYChart chart = FigureStyle.xy("Gap position, gap ratio and validation loss", "step", "k*, R");
        Plotting.Points r = Plotting.defined(run.steps(), run.gapRatio());
        Plotting.Points k = Plotting.defined(run.steps(), run.kStar());
        Plotting.line(chart, "R (gap ratio)", r.x(), r.y(), FigureStyle.color(0), FigureStyle.solid());
        XYSeries ks = Plotting.line(chart, "k*", k.x(), k.y(), FigureStyle.color(2), FigureStyle.solid());
        ks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        Plotting.Points loss = evalSeries(log, true);
        XYSeries l = Plotting.line(chart, "validation loss", loss.x(), loss.y(), FigureStyle.color(1), FigureStyle.dashed());
        l.setYAxisGroup(1);
        chart.setYAxisGroupTitle(0, "k*, R");
        chart.setYAxisGroupTitle(1, "validation loss");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        double top = Math.max(Plotting.max(r.y()), Plotting.max(k.y()));
        log.grokStep().ifPresent(g -> Plotting.vertical(chart, "grok step " + g, g, 0, top, FigureStyle.REFERENCE, FigureStyle.dotted()));
        // below the plot: inside, the legend would cover one of the two axes' curves
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return chart;
    }

    /** g₂₃(t) = λ₂ − λ₃ of one run (log y) with its grok step marked. */
    public static XYChart g23(List<WindowResult> run, EvalLog log) {
        return g23(RunSeries.of(run), log, null);
    }

    /** g₂₃(t) of one run with its grok step marked. */
    public static XYChart g23(RunSeries run, EvalLog log) {
        return g23(run, log, null);
    }

    /** g₂₃(t) of a grokking run and a control run given as tracker windows; see {@link #g23(RunSeries, EvalLog, RunSeries)}. */
    public static XYChart g23(List<WindowResult> run, EvalLog log, List<WindowResult> control) {
        return g23(RunSeries.of(run), log, RunSeries.of(control));
    }

    /**
     * g₂₃(t) of a grokking run and of a control run (e.g. ω = 0) overlaid on a log axis, with the grokking run's
     * grok step marked (framework §2, §7: g₂₃ declines before grokking). Windows with fewer than 3 updates (g₂₃
     * undefined) are dropped; g₂₃ = 0 cannot be drawn on the log axis and is reported as an error.
     *
     * @param control the control run's series; null for none
     */
    public static XYChart g23(RunSeries run, EvalLog log, RunSeries control) {
        String figure = "g₂₃(t)";
        Plotting.requireNonEmpty(figure, run.size(), "no windows");
        XYChart chart = FigureStyle.xy("Sub-leading eigen-gap g₂₃ = λ₂ − λ₃", "step", "g₂₃ (log)");
        Plotting.logY(chart);
        String name = control == null ? "g₂₃" : "grokking run";
        Plotting.Points p = g23Points(figure, name, run);
        Plotting.line(chart, name, p.x(), p.y(), FigureStyle.color(0), FigureStyle.solid());
        double lo = Plotting.min(p.y()), hi = Plotting.max(p.y());
        if (control != null) {
            Plotting.Points c = g23Points(figure, "control", control);
            Plotting.line(chart, "control", c.x(), c.y(), FigureStyle.color(1), FigureStyle.dashed());
            lo = Math.min(lo, Plotting.min(c.y()));
            hi = Math.max(hi, Plotting.max(c.y()));
        }
        double low = lo, high = hi;
        log.grokStep().ifPresent(g -> Plotting.vertical(chart, "grok step " + g, g, low, high, FigureStyle.REFERENCE, FigureStyle.dotted()));
        Plotting.logLabels(chart);
        return chart;
    }

    /**
     * The gap flow (framework §6): ġ against g, points coloured by time (viridis, early dark to late light, in five
     * bins), the fitted line ġ = a·g + b and the line ġ = 0, which the fit crosses at g* = −b/a (rate, g* and R² in the
     * title).
     */
    public static XYChart gapFlow(GapFlowFit fit) {
        double[] t = fit.times(), g = fit.gap(), r = fit.gapRate();
        XYChart chart = FigureStyle.xy(String.format("Gap flow: rate %.3g, g* = %.3g, R² = %.2f", fit.rate(), fit.fixedPoint(),
                fit.rSquared()), "gap g", "ġ (per step)");
        int bins = Math.min(5, t.length);
        double t0 = t[0], t1 = t[t.length - 1];
        for (int b = 0; b < bins; b++) {
            double from = t0 + (t1 - t0) * b / bins, to = t0 + (t1 - t0) * (b + 1) / bins;
            int n = 0;
            for (double x : t) if (inBin(x, from, to, b == bins - 1)) n++;
            if (n == 0) continue;
            double[] gx = new double[n], ry = new double[n];
            for (int i = 0, m = 0; i < t.length; i++) {
                if (inBin(t[i], from, to, b == bins - 1)) {
                    gx[m] = g[i];
                    ry[m++] = r[i];
                }
            }
            Plotting.scatter(chart, String.format("steps %.0f–%.0f", from, to), gx, ry,
                    FigureStyle.sequential(bins == 1 ? 0 : (double) b / (bins - 1)), SeriesMarkers.CIRCLE);
        }
        double gLo = Plotting.min(g), gHi = Plotting.max(g);
        Plotting.line(chart, "fit ġ = a·g + b", new double[] {gLo, gHi}, new double[] {fit.predict(gLo), fit.predict(gHi)},
                Color.BLACK, FigureStyle.solid());
        Plotting.horizontal(chart, "ġ = 0", 0, gLo, gHi, FigureStyle.REFERENCE, FigureStyle.dotted());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** 𝒜(t) of a tracker's windows with the default regime thresholds 0.1 and 10 (framework §5). */
    public static XYChart adiabatic(List<WindowResult> windows) {
        return adiabatic(RunSeries.of(windows));
    }

    /** 𝒜(t) with the default regime thresholds 0.1 and 10 (framework §5). */
    public static XYChart adiabatic(RunSeries run) {
        return adiabatic(run, Adiabatic.DEFAULT_PLATEAU_BELOW, Adiabatic.DEFAULT_FORGETTING_ABOVE);
    }

    /**
     * The adiabatic parameter 𝒜(t) on a log axis over shaded regime bands: plateau below {@code plateauBelow},
     * transition between, forgetting above {@code forgettingAbove} (framework §5). Windows without 𝒜 (no learning
     * rate) or with 𝒜 = +∞ (zero gap) are dropped; 𝒜 = 0 cannot be drawn on the log axis and is an error.
     */
    public static XYChart adiabatic(RunSeries run, double plateauBelow, double forgettingAbove) {
        String figure = "𝒜(t)";
        if (!(plateauBelow > 0 && forgettingAbove > plateauBelow)) {
            throw new IllegalArgumentException(figure + ": need 0 < plateau threshold < forgetting threshold, got "
                    + plateauBelow + " and " + forgettingAbove);
        }
        double[] a = run.adiabatic();
        for (int i = 0; i < a.length; i++) if (a[i] == Double.POSITIVE_INFINITY) a[i] = Double.NaN;
        Plotting.Points p = Plotting.defined(run.steps(), a);
        if (p.isEmpty()) {
            throw new IllegalArgumentException(figure + ": no window has a finite 𝒜; 𝒜 needs the learning rate "
                    + "(AnalysisConfig.builder().optLearningRate(eta))");
        }
        Plotting.requirePositive(figure, "𝒜", p.x(), p.y());
        XYChart chart = FigureStyle.xy("Adiabatic parameter 𝒜 = ‖ΔG‖ / (η g²)", "step", "𝒜 (log)");
        Plotting.logY(chart);
        double top = Math.max(Plotting.max(p.y()), forgettingAbove) * 3;
        double bottom = Math.min(Plotting.min(p.y()), plateauBelow) / 3;
        double x0 = Plotting.min(p.x()), x1 = Plotting.max(p.x());
        band(chart, "forgetting (𝒜 > " + fmt(forgettingAbove) + ")", x0, x1, forgettingAbove, top, new Color(0xFBE3D6));
        band(chart, "transition (" + fmt(plateauBelow) + " to " + fmt(forgettingAbove) + ")", x0, x1, plateauBelow,
                forgettingAbove, new Color(0xFFF1CC));
        band(chart, "plateau (𝒜 < " + fmt(plateauBelow) + ")", x0, x1, bottom, plateauBelow, new Color(0xD9EEF7));
        Plotting.line(chart, "𝒜", p.x(), p.y(), FigureStyle.color(0), FigureStyle.solid());
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        chart.getStyler().setXAxisMin(x0);
        chart.getStyler().setXAxisMax(x1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Plotting.logLabels(chart);
        return chart;
    }

    /**
     * A filled rectangle [x0, x1] × [y0, y1] as a closed polygon series. (XChart's {@code Area} style fills down to
     * y = 0 in axis units, which on a log axis is y = 1, so it cannot draw a band below 1.)
     */
    private static void band(XYChart chart, String name, double x0, double x1, double y0, double y1, Color color) {
        XYSeries s = chart.addSeries(name, new double[] {x0, x1, x1, x0, x0}, new double[] {y0, y0, y1, y1, y0});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(color);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean inBin(double x, double from, double to, boolean last) {
        return x >= from && (x < to || (last && x <= to));
    }

    private static Plotting.Points g23Points(String figure, String name, RunSeries run) {
        Plotting.Points p = Plotting.defined(run.steps(), run.g23());
        if (p.isEmpty()) throw new IllegalArgumentException(figure + ": '" + name + "' has no window with 3 or more updates (g₂₃ undefined)");
        Plotting.requirePositive(figure, name, p.x(), p.y());
        return p;
    }

    /** Steps and the test loss (validation) or train loss of an eval log, NaN losses dropped. */
    static Plotting.Points evalSeries(EvalLog log, boolean test) {
        List<EvalRecord> records = log.records();
        double[] t = new double[records.size()], l = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = records.get(i).step();
            l[i] = test ? records.get(i).testLoss() : records.get(i).trainLoss();
            if (Double.isInfinite(l[i])) l[i] = Double.NaN;
        }
        return Plotting.defined(t, l);
    }
}
