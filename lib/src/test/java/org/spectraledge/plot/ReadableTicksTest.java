package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Step axes get round, non-overlapping tick labels: XChart alone labels equally spaced steps at the data values
 * (2, 602, 1,202, … 17 labels across 800 px, running together), the issue this guards against.
 */
class ReadableTicksTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void equallySpacedStepsGetRoundTicksThatFit() throws Exception {
        XYChart chart = FigureStyle.xy("σ_j", "step", "σ");
        chart.addSeries("run a", steps(2, 25, 400), wave(400));
        chart.addSeries("run b", steps(2, 25, 300), wave(300)); // a multi-run figure: runs of different lengths
        assertReadable(chart, 2, 2 + 25 * 399);
        assertNull(chart.getStyler().getXAxisMin(), "the chart is given back as built, so a live figure's axis still grows");
        assertNull(chart.getStyler().getXAxisMax());
    }

    @Test
    void theSigmaFigureOfARunHasRoundStepTicks() throws Exception {
        SyntheticRun run = new SyntheticRun(1, true);
        XYChart chart = SpectrumFigures.sigmaTrajectories(run.windows, 3);
        double[] x = chart.getSeriesMap().values().iterator().next().getXData();
        assertReadable(chart, x[0], x[x.length - 1]);
    }

    /** Renders like a notebook does and checks the x labels inside the data's range. */
    private static void assertReadable(XYChart chart, double lo, double hi) throws Exception {
        FigureExport.pngBytes(chart);
        Method axis = Chart.class.getDeclaredMethod("getXAxis");
        axis.setAccessible(true);
        AxisTickCalculator ticks = ((org.knowm.xchart.internal.chartpart.Axis<?, ?>) axis.invoke(chart)).getAxisTickCalculator();
        List<Double> values = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String label : ticks.getTickLabels()) {
            double v = Double.parseDouble(label.replace(",", ""));
            if (v < lo || v > hi) continue;
            values.add(v);
            shown.add(label);
        }
        assertTrue(values.size() >= 3, "at least three ticks: " + ticks.getTickLabels());
        double step = values.get(1) - values.get(0);
        double decade = Math.pow(10, Math.floor(Math.log10(step)));
        double mantissa = step / decade;
        assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 2.5) < 1e-9
                || Math.abs(mantissa - 5) < 1e-9, "a round step (1, 2, 2.5 or 5 × 10^k), got " + step + " in " + shown);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(0, Math.IEEEremainder(values.get(i), step), 1e-9 * step, "tick " + shown.get(i) + " is a multiple of " + step);
            if (i > 0) assertEquals(step, values.get(i) - values.get(i - 1), 1e-9 * step, "evenly spaced: " + shown);
        }
        // the labels fit side by side: their total width is well within the plot's
        Font font = chart.getStyler().getAxisTickLabelsFont();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double width = 0;
        for (String label : ticks.getTickLabels()) width += font.getStringBounds(label + "  ", frc).getWidth();
        assertTrue(width < chart.getWidth() * 0.8, "labels " + ticks.getTickLabels() + " take " + width + " px of " + chart.getWidth());
    }

    private static double[] steps(double first, double every, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = first + every * i;
        return x;
    }

    private static double[] wave(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 1 + Math.sin(i / 7.0);
        return y;
    }
}
