package org.spectraledge.plot;

import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectraledge.intervention.CollapseSummary;
import org.spectraledge.stats.BootstrapInterval;

/**
 * Figures of interventions on training (framework §6): the effect of collapsing the gap at each position j, with the
 * interval of each median and the positions that were k*, so that Gap Maximality's prediction can be read off.
 */
public final class InterventionFigures {
    private InterventionFigures() {}

    /**
     * Median Δ validation loss per collapsed position with a bar over its bootstrap interval, the zero line, and the
     * positions that were k* in some trial drawn in their own colour (the legend says in how many trials).
     */
    public static XYChart collapseEffects(String title, CollapseSummary summary) {
        XYChart chart = FigureStyle.xy(title, "collapsed position j", "Δ validation loss (collapsed − control)");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        int first = summary.positions().get(0).j(), last = summary.positions().get(summary.positions().size() - 1).j();
        chart.getStyler().setXAxisMin(first - 0.5).setXAxisMax(last + 0.5).setXAxisDecimalPattern("0");
        Plotting.line(chart, "no effect", new double[] {first - 0.5, last + 0.5}, new double[] {0, 0}, FigureStyle.REFERENCE,
                FigureStyle.dotted());
        int drawn = 0;
        for (CollapseSummary.PositionEffect p : summary.positions()) {
            if (!p.median().isComputed()) continue;
            BootstrapInterval i = p.median().value();
            boolean kStar = p.atKStar() > 0;
            String label = String.format(Locale.ROOT, "j = %d%s: median %.3g [%.3g, %.3g], n = %d", p.j(),
                    kStar ? " (k* in " + p.atKStar() + ")" : "", i.estimate(), i.lower(), i.upper(), p.n());
            java.awt.Color color = kStar ? FigureStyle.color(1) : FigureStyle.color(0);
            Plotting.vertical(chart, label, p.j(), i.lower(), i.upper(), color, FigureStyle.solid()).setShowInLegend(kStar);
            Plotting.scatter(chart, label + " ", new double[] {p.j()}, new double[] {i.estimate()}, color, SeriesMarkers.CIRCLE)
                    .setShowInLegend(false);
            drawn++;
        }
        Plotting.requireNonEmpty(title, drawn, "no position has two or more trials, so no interval");
        return chart;
    }
}
