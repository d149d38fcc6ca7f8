package org.spectraledge.plot;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectraledge.events.EvalLog;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.KStarCensus;
import org.spectraledge.spectral.WindowResult;

/**
 * Figures of the gap position k* under the three rules of framework §2 (plain, weighted, floored): its trajectory over a
 * run and its census (share of windows at each k*), for comparing runs such as two optimizers on one model.
 */
public final class KStarFigures {
    private KStarFigures() {}

    /** Vertical offsets of the three rules' k* lines, so that equal values stay visible as three lines. */
    private static final double[] OFFSET = {-0.08, 0, 0.08};

    /**
     * k*(t) of one run under each rule (full windows only, step lines slightly offset so that coinciding rules
     * stay visible), with the grok step marked when the run grokked.
     *
     * @param label names the run in the title, e.g. {@code "AdamW"}
     */
    public static XYChart byRule(String label, List<WindowResult> windows, EvalLog log) {
        String figure = "k* by rule";
        List<WindowResult> full = windows.stream().filter(w -> !w.partial()).toList();
        Plotting.requireNonEmpty(figure, full.size(), "no full window (the run is shorter than W snapshots)");
        XYChart chart = FigureStyle.xy("Gap position k*(t) by rule: " + label, "step", "k*");
        double[] t = new double[full.size()];
        for (int i = 0; i < t.length; i++) t[i] = full.get(i).step();
        int top = 1;
        GapRule[] rules = GapRule.values();
        for (int r = 0; r < rules.length; r++) {
            double[] k = new double[full.size()];
            for (int i = 0; i < k.length; i++) {
                int kStar = full.get(i).gaps().by(rules[r]).kStar();
                top = Math.max(top, kStar);
                k[i] = kStar + OFFSET[r];
            }
            XYSeries s = Plotting.line(chart, rules[r].label(), t, k, FigureStyle.color(r), FigureStyle.solid());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        double yTop = top + 0.5;
        log.grokStep().ifPresent(g -> Plotting.vertical(chart, "grok step " + g, g, 0.5, yTop, FigureStyle.REFERENCE, FigureStyle.dotted()));
        chart.getStyler().setYAxisMin(0.5);
        chart.getStyler().setYAxisMax(yTop);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setXAxisMaxLabelCount(10);   // evenly spaced window steps otherwise get a label each
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return chart;
    }

    /**
     * The share of windows at each k* (x = k*, y = fraction of windows), one line with markers per census, e.g.
     * {@code "AdamW plain"}, {@code "Muon plain"}. Empty censuses are left out.
     *
     * @param censuses label → census, drawn in map order
     * @throws IllegalArgumentException if every census is empty
     */
    public static XYChart census(Map<String, KStarCensus> censuses) {
        String figure = "k* census";
        XYChart chart = FigureStyle.xy("Share of windows at each gap position", "k*", "share of windows");
        int i = 0, maxK = 1;
        for (Map.Entry<String, KStarCensus> e : censuses.entrySet()) {
            KStarCensus c = e.getValue();
            if (c.isEmpty()) continue;
            int n = c.counts().length;
            double[] k = new double[n], share = new double[n];
            for (int j = 0; j < n; j++) {
                k[j] = j + 1;
                share[j] = c.share(j + 1);
            }
            maxK = Math.max(maxK, n);
            XYSeries s = Plotting.line(chart, e.getKey() + " (" + c.windows() + " windows)", k, share, FigureStyle.color(i),
                    i % 2 == 0 ? FigureStyle.solid() : FigureStyle.dashed());
            s.setMarker(i % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            i++;
        }
        Plotting.requireNonEmpty(figure, i, "every census is empty");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(maxK + 0.5);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }
}
