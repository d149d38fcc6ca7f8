package org.spectraledge.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts (every chart type shares the base class {@link Chart}): {@code image/png} by
 * default, {@code image/svg+xml} when asked for ({@code display(chart, "image/svg+xml")}), and a
 * one-line {@code text/plain} naming the chart.
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
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart as PNG", e);
        }
    }

    static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
