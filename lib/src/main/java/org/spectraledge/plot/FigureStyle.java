package org.spectraledge.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look of every figure: notebook size (800×500), large readable fonts, a white plot with a light grid, and
 * the Okabe–Ito palette, which stays distinguishable under the common forms of colour blindness. Sequential data
 * (heat maps, colour by step) use viridis, which is also colour-blind safe and prints in grey scale.
 */
public final class FigureStyle {
    private FigureStyle() {}

    /** Default figure width in pixels. */
    public static final int WIDTH = 800;
    /** Default figure height in pixels. */
    public static final int HEIGHT = 500;

    /** Okabe–Ito, in the order series use them (yellow last: it is faint on white). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xE69F00), // orange
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };

    /** Viridis stops, dark to light. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482878), new Color(0x3E4A89), new Color(0x31688E), new Color(0x26828E),
        new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59), new Color(0xB4DE2C), new Color(0xFDE725),
    };

    /** Neutral grey for reference lines (thresholds, bounds). */
    public static final Color REFERENCE = new Color(0x555555);

    /** Series colour i (cycles through the palette). */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** The palette (a copy). */
    public static Color[] palette() { return PALETTE.clone(); }

    /** Viridis at fraction f ∈ [0, 1] (linear between stops). */
    public static Color sequential(double f) {
        double x = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double t = x - i;
        Color a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** The same colour with alpha a ∈ [0, 1]. */
    public static Color withAlpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * a));
    }

    /** A solid line stroke of the default width. */
    public static BasicStroke solid() { return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    /** A dashed stroke for references and predictions. */
    public static BasicStroke dashed() {
        return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);
    }

    /** A dotted stroke for secondary references. */
    public static BasicStroke dotted() {
        return new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1.5f, 4f}, 0f);
    }

    /** A new XY chart in the house style, lines without markers by default. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        // XChart's default spacing crowds step axes (e.g. 3, 15, 27, …); wider spacing gives fewer, rounder ticks
        chart.getStyler().setXAxisTickMarkSpacingHint(110);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
        return chart;
    }

    /** A new heat map in the house style with the viridis scale. */
    public static HeatMapChart heatMap(String title, String xTitle, String yTitle) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setRangeColors(new Color[] {VIRIDIS[0], VIRIDIS[3], VIRIDIS[6], VIRIDIS[9]});
        chart.getStyler().setShowValue(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    private static void apply(AxesChartStyler s) {
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        s.setBaseFont(base);
        s.setChartTitleFont(base.deriveFont(Font.BOLD, 17f));
        s.setAxisTitleFont(base.deriveFont(15f));
        s.setAxisTickLabelsFont(base.deriveFont(13f));
        s.setLegendFont(base.deriveFont(13f));
        s.setAnnotationTextFont(base.deriveFont(13f));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xBBBBBB));
        s.setPlotGridLinesColor(new Color(0xE6E6E6));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(new Color(0xDDDDDD));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setSeriesColors(PALETTE);
        s.setChartPadding(12);
        s.setAxisTickMarkLength(4);
        s.setAntiAlias(true);
        s.setAnnotationLineColor(REFERENCE);
        s.setAnnotationLineStroke(dashed());
        s.setAnnotationTextFontColor(REFERENCE);
        s.setToolTipsEnabled(false);
    }
}
