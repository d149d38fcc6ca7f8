package org.spectraledge.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Log axes label every decade step only when the data span two decades or more. */
class LogLabelsTest {
    private static XYChart chart(double... y) {
        XYChart chart = FigureStyle.xy("t", "x", "y");
        Plotting.logY(chart);
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        chart.addSeries("s", x, y);
        Plotting.logLabels(chart);
        return chart;
    }

    @Test
    void narrowDataGetLabelsBetweenDecadesWideDataOnlyAtDecades() {
        assertFalse(chart(2, 5, 19.9).getStyler().isYAxisLogarithmicDecadeOnly(), "under two decades: 2…9 × 10^k labels too");
        assertTrue(chart(0.01, 1, 30).getStyler().isYAxisLogarithmicDecadeOnly(), "3.5 decades: powers of ten only");
        assertTrue(chart(0, Double.NaN, 0.5, 50).getStyler().isYAxisLogarithmicDecadeOnly(), "zero and NaN are ignored");
    }
}
