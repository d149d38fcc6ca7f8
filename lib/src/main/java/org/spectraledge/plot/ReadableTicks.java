package org.spectraledge.plot;

import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.XYStyler;

/**
 * Round, non-overlapping x-axis ticks for XY charts. When every series' x values are equally spaced (steps 2, 27, 52,
 * … of a window series), XChart 3.8 labels the data values themselves: the labels are not round (102, 127, 152, …)
 * and its fit check lets them run together ("102127152177"). Given explicit axis bounds that differ from the data's,
 * XChart uses its regular 1-2-5 tick rule with the styler's spacing hint instead, so the chart is rendered with
 * bounds a hair beyond its data (invisible at any size) and then given back as it was, so that a live figure's axis
 * still follows its data as it grows.
 */
final class ReadableTicks {
    private ReadableTicks() {}

    /** Runs {@code render} (an encoder) with round x ticks when the chart would otherwise get data-valued ones. */
    static <T> T during(Chart<?, ?> chart, Supplier<T> render) {
        if (!(chart instanceof XYChart xy)) return render.get();
        XYStyler styler = xy.getStyler();
        if (styler.isXAxisLogarithmic() || styler.getXAxisMin() != null || styler.getXAxisMax() != null) return render.get();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : xy.getSeriesMap().values()) {
            for (double x : s.getXData()) {
                if (!Double.isFinite(x)) continue;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi > lo)) return render.get();
        styler.setXAxisMin(lo);
        styler.setXAxisMax(hi + (hi - lo) * 1e-9);
        try {
            return render.get();
        } finally {
            styler.setXAxisMin(null);
            styler.setXAxisMax(null);
        }
    }
}
