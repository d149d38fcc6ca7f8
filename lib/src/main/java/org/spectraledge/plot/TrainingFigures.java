package org.spectraledge.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;

/** Figures of a training run's evaluations (framework §7). */
public final class TrainingFigures {
    private TrainingFigures() {}

    /**
     * Train and test accuracy (left axis, 0–1) and log₁₀ of train and test loss (right axis, dashed), with the
     * memorization step (train accuracy ≥ 0.99) and the grok step (test accuracy ≥ 0.95) as vertical lines.
     * Loss is drawn as log₁₀ on a linear axis because XChart's log scale applies to both y axes at once; NaN or
     * infinite losses (a diverged eval) are dropped, and a loss ≤ 0 is an error.
     */
    public static XYChart accuracyAndLoss(EvalLog log) {
        String figure = "accuracy and loss";
        List<EvalRecord> rs = log.records();
        double[] t = new double[rs.size()], trainAcc = new double[t.length], testAcc = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = rs.get(i).step();
            trainAcc[i] = rs.get(i).trainAcc();
            testAcc[i] = rs.get(i).testAcc();
        }
        XYChart chart = FigureStyle.xy("Training and generalisation", "step", "accuracy");
        Plotting.line(chart, "train accuracy", t, trainAcc, FigureStyle.color(0), FigureStyle.solid());
        Plotting.line(chart, "test accuracy", t, testAcc, FigureStyle.color(1), FigureStyle.solid());
        addLog10Loss(chart, figure, "train loss", GapFigures.evalSeries(log, false), 0);
        addLog10Loss(chart, figure, "test loss", GapFigures.evalSeries(log, true), 1);
        chart.setYAxisGroupTitle(0, "accuracy");
        chart.setYAxisGroupTitle(1, "log₁₀ loss");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMax(0, 1.0);
        log.memorizationStep().ifPresent(m -> Plotting.vertical(chart, "memorization " + m, m, 0, 1, FigureStyle.color(2), FigureStyle.dotted()));
        log.grokStep().ifPresent(g -> Plotting.vertical(chart, "grok " + g, g, 0, 1, FigureStyle.color(6), FigureStyle.dotted()));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return chart;
    }

    private static void addLog10Loss(XYChart chart, String figure, String name, Plotting.Points loss, int colour) {
        if (loss.isEmpty()) return;
        Plotting.requirePositive(figure, name, loss.x(), loss.y());
        double[] l = new double[loss.y().length];
        for (int i = 0; i < l.length; i++) l[i] = Math.log10(loss.y()[i]);
        XYSeries s = Plotting.line(chart, name + " (log₁₀)", loss.x(), l, FigureStyle.color(colour), FigureStyle.dashed());
        s.setYAxisGroup(1);
    }
}
