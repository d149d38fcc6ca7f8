package org.spectraledge.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes figures as PNG (raster, for notebooks) or SVG (vector, for papers), and renders them to images.
 * Works headless (set {@code java.awt.headless=true} where there is no display).
 */
public final class FigureExport {
    private FigureExport() {}

    /** Renders the chart at its own size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** PNG bytes of the chart. */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the figure as PNG: " + e.getMessage(), e);
        }
    }

    /** Writes the chart as a PNG file (exactly this path; parent folders are created). */
    public static void png(Chart<?, ?> chart, Path file) {
        write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Writes the chart as an SVG file (exactly this path; parent folders are created). */
    public static void svg(Chart<?, ?> chart, Path file) {
        write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }

    private interface Encoder { void encode(OutputStream out) throws IOException; }

    private static void write(Path file, Encoder encoder) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                encoder.encode(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure to " + file + ": " + e.getMessage(), e);
        }
    }
}
