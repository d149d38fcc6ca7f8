package org.spectraledge.kernel.display;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.spectraledge.run.TrainRun;
import org.spectraledge.train.TrainingOutcome;

/**
 * A training run's result ({@code %train}'s value) as a short summary, {@code text/html} and {@code text/plain}: task,
 * size, how it ended, memorization and grok steps, windows per group and the run folder. (The record's own
 * {@code toString} lists every window and would fill the notebook.)
 */
public final class RunRenderer {

    private RunRenderer() {}

    public static void register(Renderer renderer) {
        renderer.createRegistration(TrainRun.Result.class)
                .preferring(MIMEType.TEXT_HTML)
                .register(RunRenderer::render);
    }

    private static void render(TrainRun.Result run, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(run));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(run));
    }

    /** The facts of the run, one {@code name: value} pair each. */
    static List<String[]> facts(TrainRun.Result run) {
        TrainingOutcome o = run.outcome();
        StringBuilder windows = new StringBuilder();
        run.windows().forEach((g, w) -> windows.append(windows.length() == 0 ? "" : ", ").append(g).append(' ').append(w.size()));
        return List.of(
                new String[] {"task", run.config().task().cliName() + " (" + run.config().model().cliName() + ", " + run.parameters() + " parameters)"},
                new String[] {"status", o.message().isEmpty() ? o.status().name().toLowerCase(Locale.ROOT) : o.message()},
                new String[] {"steps", o.steps() + String.format(Locale.ROOT, " in %.1f s", o.seconds())},
                new String[] {"memorization step", step(run.memorizedStep(), "not reached")},
                new String[] {"grok step", step(run.grokkedStep(), "did not grok")},
                new String[] {"windows (W = " + run.config().window() + ")", windows.toString()},
                new String[] {"run folder", run.folder().toString()});
    }

    static String text(TrainRun.Result run) {
        StringBuilder b = new StringBuilder("TrainRun.Result");
        for (String[] f : facts(run)) b.append("\n  ").append(f[0]).append(": ").append(f[1]);
        return b.toString();
    }

    static String html(TrainRun.Result run) {
        StringBuilder b = new StringBuilder("<table class=\"spectral-edge-run\"><caption>TrainRun.Result</caption>");
        for (String[] f : facts(run)) {
            b.append("<tr><th style=\"text-align:left\">").append(Html.escape(f[0])).append("</th><td style=\"text-align:left\">")
                    .append(Html.escape(f[1])).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String step(OptionalLong s, String otherwise) {
        return s.isPresent() ? Long.toString(s.getAsLong()) : otherwise;
    }

}
