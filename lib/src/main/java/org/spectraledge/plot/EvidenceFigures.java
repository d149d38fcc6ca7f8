package org.spectraledge.plot;

import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectraledge.evidence.LeadTimes;
import org.spectraledge.evidence.ScoreRoc;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.RocCurve;
import org.spectraledge.stats.WilsonInterval;

/**
 * Figures of the evidence for a precursor (framework §7b), each carrying its N and intervals: rates per arm with Wilson
 * intervals, the ROC of a score at the cutoff with its AUC and bootstrap interval, and the lead times with their
 * median's interval.
 */
public final class EvidenceFigures {
    private EvidenceFigures() {}

    /**
     * One rate per arm (e.g. the grok rate with ω = 0 and ω = 1): a point at the estimate and a bar over its Wilson
     * interval; the legend gives k/n and the interval.
     *
     * @param arms the arms, in display order
     */
    public static XYChart rates(String title, String yTitle, List<Arm> arms) {
        Plotting.requireNonEmpty(title, arms.size(), "no arm");
        XYChart chart = FigureStyle.xy(title, "arm", yTitle);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.5).setXAxisMax(arms.size() + 0.5);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        int i = 0;
        for (Arm arm : arms) {
            WilsonInterval w = arm.rate();
            double x = ++i;
            String label = String.format(Locale.ROOT, "%s: %d/%d = %.2f [%.2f, %.2f]", arm.name(), w.k(), w.n(), w.estimate(),
                    w.lower(), w.upper());
            Plotting.vertical(chart, label, x, w.lower(), w.upper(), FigureStyle.color(i - 1), FigureStyle.solid())
                    .setShowInLegend(true);
            Plotting.scatter(chart, label + " ", new double[] {x}, new double[] {w.estimate()}, FigureStyle.color(i - 1),
                    SeriesMarkers.CIRCLE).setShowInLegend(false);
        }
        return chart;
    }

    /**
     * The ROC curves of scores at the cutoff, each named with its AUC and bootstrap interval and N per class, with the
     * chance diagonal.
     */
    public static XYChart roc(String title, List<ScoreRoc> rocs) {
        XYChart chart = FigureStyle.xy(title, "false-positive rate", "true-positive rate");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Plotting.line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}, FigureStyle.REFERENCE, FigureStyle.dotted());
        int i = 0;
        for (ScoreRoc r : rocs) {
            if (!r.roc().isComputed()) continue;
            RocCurve curve = r.roc().value();
            double[] x = curve.points().stream().mapToDouble(RocCurve.Point::fpr).toArray();
            double[] y = curve.points().stream().mapToDouble(RocCurve.Point::tpr).toArray();
            String auc = r.aucInterval().isComputed()
                    ? String.format(Locale.ROOT, "AUC %.2f [%.2f, %.2f]", curve.auc().value(), r.aucInterval().value().lower(),
                            r.aucInterval().value().upper())
                    : String.format(Locale.ROOT, "AUC %.2f", curve.auc().value());
            Plotting.line(chart, String.format(Locale.ROOT, "%s: %s, n+ = %d, n- = %d", r.score().label(), auc, r.nPositive(),
                    r.nNegative()), x, y, FigureStyle.color(i++), FigureStyle.solid());
        }
        Plotting.requireNonEmpty(title, i, "no score could be computed (one class only, or no windows before the cutoffs)");
        return chart;
    }

    /** Lead times (grok step − event step) of the runs with an event, with their median and its interval. */
    public static XYChart leadTimes(String title, LeadTimes leads) {
        Plotting.requireNonEmpty(title, leads.runs().size(), "no positive run has a gap event");
        XYChart chart = FigureStyle.xy(title, "run", "lead time (steps)");
        double[] y = leads.values();
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) x[i] = i + 1;
        Plotting.scatter(chart, "lead time, N = " + y.length, x, y, FigureStyle.color(0), SeriesMarkers.CIRCLE);
        Plotting.horizontal(chart, "0 (event at grokking)", 0, 0.5, y.length + 0.5, FigureStyle.REFERENCE, FigureStyle.dotted());
        if (leads.median().isComputed()) {
            BootstrapInterval m = leads.median().value();
            Plotting.horizontal(chart, String.format(Locale.ROOT, "median %.0f [%.0f, %.0f]", m.estimate(), m.lower(), m.upper()),
                    m.estimate(), 0.5, y.length + 0.5, FigureStyle.color(1), FigureStyle.solid());
            Plotting.horizontal(chart, "95 % interval", m.lower(), 0.5, y.length + 0.5, FigureStyle.color(1), FigureStyle.dashed());
            Plotting.horizontal(chart, "95 % interval ", m.upper(), 0.5, y.length + 0.5, FigureStyle.color(1), FigureStyle.dashed())
                    .setShowInLegend(false);
        }
        return chart;
    }

    /**
     * One arm of an experiment and its rate, for {@link #rates}.
     *
     * @param name e.g. {@code ω = 1}
     * @param rate e.g. the share of its runs that grok
     */
    public record Arm(String name, WilsonInterval rate) {}
}
