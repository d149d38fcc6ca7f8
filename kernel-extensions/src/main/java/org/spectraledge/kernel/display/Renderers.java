package org.spectraledge.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Registers every renderer of the kernel: XChart charts, {@code BufferedImage}s ({@link ImageRenderer}), Tablesaw tables, {@link Markdown} and
 * {@link Latex}, training results ({@link RunRenderer}), and progress frames ({@link ProgressBar}, HTML). Every value also gets {@code text/plain}.
 */
public final class Renderers {

    private Renderers() {}

    public static void registerAll(Renderer renderer) {
        ChartRenderer.register(renderer);
        ImageRenderer.register(renderer);
        TableRenderer.register(renderer);
        RunRenderer.register(renderer);
        renderer.createRegistration(Markdown.class)
                .preferring(MIMEType.TEXT_MARKDOWN)
                .register((md, context) -> context.renderIfRequested(MIMEType.TEXT_MARKDOWN, md::text));
        renderer.createRegistration(Latex.class)
                .preferring(MIMEType.TEXT_LATEX)
                .register((latex, context) -> context.renderIfRequested(MIMEType.TEXT_LATEX, latex::text));
        renderer.createRegistration(ProgressBar.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((bar, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, bar::html));
    }
}
