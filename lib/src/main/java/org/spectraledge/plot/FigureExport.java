package org.spectraledge.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.spectraledge.io.IoErrors;

/**
 * Writes figures as PNG (raster, for notebooks) or SVG (vector, for papers), and renders them to images, always with
 * readable x-axis ticks ({@link ReadableTicks}). Works headless (set {@code java.awt.headless=true} where there is no
 * display).
 */
public final class FigureExport {
    private FigureExport() {}

    /** Renders the chart at its own size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return ReadableTicks.during(chart, () -> BitmapEncoder.getBufferedImage(chart));
    }

    /** PNG bytes of the chart. */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        return bytes(chart, "PNG", out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** SVG bytes (UTF-8) of the chart. */
    public static byte[] svgBytes(Chart<?, ?> chart) {
        return bytes(chart, "SVG", out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }

    /** Writes the chart as a PNG file (exactly this path; parent folders are created). */
    public static void png(Chart<?, ?> chart, Path file) {
        write(file, pngBytes(chart));
    }

    /** Writes the chart as an SVG file (exactly this path; parent folders are created). */
    public static void svg(Chart<?, ?> chart, Path file) {
        write(file, svgBytes(chart));
    }

    private interface Encoder { void encode(OutputStream out) throws IOException; }

    private static byte[] bytes(Chart<?, ?> chart, String format, Encoder encoder) {
        return ReadableTicks.during(chart, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                encoder.encode(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode the figure as " + format + ": " + e.getMessage(), e);
            }
            return out.toByteArray();
        });
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("write the figure to", file, e), e);
        }
    }
}
