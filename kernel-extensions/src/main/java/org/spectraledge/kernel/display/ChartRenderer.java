package org.spectraledge.kernel.display;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.spectraledge.plot.FigureExport;

/**
 * XChart charts (every chart type shares the base class {@link Chart}): {@code image/png} by
 * default, {@code image/svg+xml} when asked for ({@code display(chart, "image/svg+xml")}), and a
 * one-line {@code text/plain} naming the chart. Encoded by the library's {@link FigureExport}, so figures in a
 * notebook get the same readable axis ticks as figure files.
 */
public final class ChartRenderer {

    private ChartRenderer() {}

    public static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG)
                .register(ChartRenderer::render);
    }

    private static void render(Chart<?, ?> chart, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
        context.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg(chart));
    }

    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName() + (title == null || title.isEmpty() ? "" : " \"" + title + "\"")
                + " (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }

    /** Base64 PNG, as Jupyter expects binary image data. */
    static String png(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(FigureExport.pngBytes(chart));
    }

    static String svg(Chart<?, ?> chart) {
        return new String(FigureExport.svgBytes(chart), StandardCharsets.UTF_8);
    }
}
