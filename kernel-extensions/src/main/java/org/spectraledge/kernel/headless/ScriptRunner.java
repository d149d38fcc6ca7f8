package org.spectraledge.kernel.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutcome;
import org.spectraledge.kernel.session.CellOutputs;
import org.spectraledge.kernel.session.NotebookSession;

/**
 * Runs a JShell script ({@code .jsh}) through the same {@link NotebookSession} as a notebook cell:
 * same imports, magics and renderers. The whole file is one cell labelled with its file name, so
 * errors read {@code demo.jsh, line 12}.
 *
 * <p>On a terminal there is no notebook to show rich output in, so: what the script prints goes
 * straight to standard output; what it {@code display(...)}s, and the value of its last line if that is
 * an expression, is printed as text, except images (charts, {@code BufferedImage}s), which are written
 * as {@code NAME-1.png}, {@code NAME-2.png}, ... into the output directory and printed as their paths.
 * An {@code updateDisplay} of an image rewrites its file.
 */
public final class ScriptRunner {

    private final NotebookSession session;
    private final Path outputDir;
    private final PrintStream out;

    /**
     * @param outputDir where images go (created when needed)
     * @param out       where text outputs and image paths are printed
     */
    public ScriptRunner(NotebookSession session, Path outputDir, PrintStream out) {
        this.session = session;
        this.outputDir = outputDir;
        this.out = out;
    }

    /** Runs {@code script}; returns its error, if any (the output so far is already printed). */
    public Optional<CellError> run(Path script) throws IOException {
        String code = Files.readString(script, StandardCharsets.UTF_8);
        String name = script.getFileName().toString();
        TerminalOutputs outputs = new TerminalOutputs(name.replaceFirst("\\.[^.]*$", ""));
        session.beginCell();
        CellOutcome outcome = session.execute(code, name, outputs);
        outcome.result().ifPresent(outputs::display);
        return Optional.ofNullable(outcome.error());
    }

    /** Displays as text lines and PNG files. */
    private final class TerminalOutputs implements CellOutputs {
        private final String stem;
        private final Map<String, Path> imagesById = new HashMap<>();
        private int images;

        TerminalOutputs(String stem) {
            this.stem = stem;
        }

        @Override
        public void display(DisplayData data) {
            System.out.flush(); // what the script printed comes first
            if (data.hasDataForType(MIMEType.IMAGE_PNG)) {
                Path file = outputDir.resolve(stem + "-" + (++images) + ".png");
                writePng(data, file);
                if (data.hasDisplayId()) {
                    imagesById.put(data.getDisplayId(), file);
                }
                out.println(file);
            } else {
                out.println(text(data));
            }
            out.flush();
        }

        @Override
        public void updateDisplay(DisplayData data) {
            Path file = imagesById.get(data.getDisplayId());
            if (file != null && data.hasDataForType(MIMEType.IMAGE_PNG)) {
                writePng(data, file); // same file, new picture: its path was printed already
            } else {
                display(data);
            }
        }

        /** The best text a terminal can show: Markdown and LaTeX as written, else {@code text/plain}. */
        private String text(DisplayData data) {
            for (MIMEType type : new MIMEType[] {MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_LATEX, MIMEType.TEXT_PLAIN}) {
                if (data.hasDataForType(type)) {
                    return String.valueOf(data.getData(type));
                }
            }
            return "(output without a text form)";
        }

        private void writePng(DisplayData data, Path file) {
            try {
                Files.createDirectories(outputDir);
                Files.write(file, Base64.getMimeDecoder().decode(String.valueOf(data.getData(MIMEType.IMAGE_PNG))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }
}
