package org.spectraledge.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Series helpers shared by the figure builders. Two rules hold for every figure:
 * <ul>
 *   <li>NaN marks an undefined value (a partial window, a missing eval); such points are dropped, never drawn.</li>
 *   <li>A logarithmic axis only takes values &gt; 0 (XChart rejects the rest); {@link #requirePositive} throws a
 *       message naming the figure, the series and the offending point instead.</li>
 * </ul>
 */
final class Plotting {
    private Plotting() {}

    /** x and y with every pair whose y (or x) is NaN removed. */
    record Points(double[] x, double[] y) {
        boolean isEmpty() { return x.length == 0; }
    }

    static Points defined(double[] x, double[] y) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) keep.add(i);
        double[] xs = new double[keep.size()], ys = new double[keep.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x[keep.get(i)];
            ys[i] = y[keep.get(i)];
        }
        return new Points(xs, ys);
    }

    /** Throws unless every y is a finite number &gt; 0. */
    static void requirePositive(String figure, String series, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0) || Double.isInfinite(y[i])) {
                throw new IllegalArgumentException(figure + ": series '" + series + "' has the value " + y[i] + " at x = " + x[i]
                        + ", but its axis is logarithmic and needs finite values > 0. Drop or clamp such points first "
                        + "(e.g. exclude zero updates), or plot this series on a linear axis.");
            }
        }
    }

    /** Makes the y axis logarithmic; call {@link #logLabels} once the series are in. */
    static void logY(XYChart chart) {
        chart.getStyler().setYAxisLogarithmic(true);
    }

    /**
     * Labels a logarithmic y axis between the decades only when the data span less than two decades: XChart labels
     * only powers of ten by default, which leaves a one-decade plot with a single label, while labels at every
     * 2…9 × 10^k crowd into each other on a plot spanning many decades.
     */
    static void logLabels(XYChart chart) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                if (y > 0 && y < Double.POSITIVE_INFINITY) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        chart.getStyler().setYAxisLogarithmicDecadeOnly(hi / lo >= 100);
    }

    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        return s;
    }

    /** A vertical reference line at x from yLow to yHigh, as a legend-labelled series. */
    static XYSeries vertical(XYChart chart, String name, double x, double yLow, double yHigh, Color color, BasicStroke stroke) {
        return line(chart, name, new double[] {x, x}, new double[] {yLow, yHigh}, color, stroke);
    }

    /** A horizontal reference line at y from xLow to xHigh. */
    static XYSeries horizontal(XYChart chart, String name, double y, double xLow, double xHigh, Color color, BasicStroke stroke) {
        return line(chart, name, new double[] {xLow, xHigh}, new double[] {y, y}, color, stroke);
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) if (!Double.isNaN(x)) m = Math.min(m, x);
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) if (!Double.isNaN(x)) m = Math.max(m, x);
        return m;
    }

    static void requireNonEmpty(String figure, int n, String what) {
        if (n == 0) throw new IllegalArgumentException(figure + ": nothing to plot (" + what + ")");
    }
}
