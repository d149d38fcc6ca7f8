package org.spectraledge.kernel.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * {@code BufferedImage} (figure grids, live figures) as {@code image/png} with a one-line {@code text/plain}
 * ({@code image 1600x500}): jjava's own image renderer would put the image's whole {@code toString} (colour model,
 * raster) into the notebook's text.
 */
public final class ImageRenderer {

    private ImageRenderer() {}

    public static void register(Renderer renderer) {
        renderer.createRegistration(BufferedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register(ImageRenderer::render);
    }

    private static void render(BufferedImage image, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "image " + image.getWidth() + "x" + image.getHeight());
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(image));
    }

    private static String png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
