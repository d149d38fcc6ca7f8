package org.spectraledge.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.spectraledge.io.OutputFolder;
import org.spectraledge.kernel.headless.NotebookFile;
import org.spectraledge.kernel.headless.NotebookRunner;
import org.spectraledge.kernel.session.CellError;

import java.util.concurrent.Callable;
import org.spectraledge.options.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectral-edge demo}: the README's main job. Runs the quickstart notebook end to end without Jupyter, echoes
 * what its cells print (the key numbers come last), and writes the executed notebook and its figures.
 */
@Command(name = "demo", customSynopsis = "spectral-edge demo [--out DIR]",
        description = {"run the quickstart notebook: train, capture, detect the gap event, grok",
                "",
                "Runs " + DemoCommand.QUICKSTART + " in this process (about a minute on 2 cores): trains the fast grokking MLP"
                        + " with every update captured, prints memorization, gap event, grok step and lead time, and writes"
                        + " DIR/00-quickstart.ipynb with all outputs and DIR/figures/*.png."})
final class DemoCommand implements Callable<Integer> {
    /** Where {@code bin/spectral-edge} says the project lives (it passes {@code -Dspectraledge.home}). */
    static final String HOME_PROPERTY = "spectraledge.home";
    static final String QUICKSTART = "notebooks/00-quickstart.ipynb";

    @Mixin private HelpOption help;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "output folder (default: out/demo)")
    private Path dir;

    /** Collected only to say that the demo takes none. */
    @Parameters(hidden = true)
    private List<String> files = List.of();

    private final Main.Streams io;

    DemoCommand(Main.Streams io) {
        this.io = io;
    }

    @Override public Integer call() throws Exception {
        PrintStream out = io.out(), err = io.err();
        if (!files.isEmpty()) throw new UsageException("demo takes no file arguments, got " + files);
        Path notebook = quickstart();
        OutputFolder.check(dir, notebook.getFileName().toString(), "demo folder", "--out"); // before a minute of work
        out.println("spectral-edge demo: running " + notebook + " (about a minute on 2 cores)");
        NotebookRunner.Listener echo = new NotebookRunner.Listener() {
            @Override public void cellStarting(int number, int codeCells, String source) {
                String first = source.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
                out.printf(Locale.ROOT, "[%d/%d] %s%n", number, codeCells, first.length() > 100 ? first.substring(0, 97) + "..." : first);
            }

            @Override public void cellFinished(int number, JsonArray outputs, CellError error, double seconds) {
                for (JsonElement o : outputs) {
                    JsonObject output = o.getAsJsonObject();
                    if ("stream".equals(output.get("output_type").getAsString()) && "stdout".equals(output.get("name").getAsString())) {
                        output.get("text").getAsString().lines().forEach(line -> out.println("      " + line));
                    }
                }
                if (seconds >= 1) out.printf(Locale.ROOT, "      (%.1f s)%n", seconds);
            }
        };
        NotebookRunner.Result result = RunnerCommands.withSession(
                session -> new NotebookRunner(session, new NotebookRunner.Options(false, null), echo).run(NotebookFile.read(notebook)));
        Files.createDirectories(dir);
        Path executed = dir.resolve(notebook.getFileName());
        NotebookFile.write(result.notebook(), executed);
        List<Path> figures = writeFigures(result.notebook(), dir.resolve("figures"), "00-quickstart");
        for (NotebookRunner.Failure f : result.failures()) err.println("error in " + NotebookRunner.describe(f));
        out.println("wrote " + executed + " and " + figures.size() + " figures in " + dir.resolve("figures"));
        return result.succeeded() ? 0 : 1;
    }

    /** The quickstart notebook of the project checkout {@code bin/spectral-edge} runs from, or of the current directory. */
    private static Path quickstart() {
        String home = System.getProperty(HOME_PROPERTY);
        Path notebook = (home == null ? Path.of("") : Path.of(home)).resolve(QUICKSTART);
        if (!Files.isRegularFile(notebook)) {
            throw new UsageException(notebook.toAbsolutePath() + " is missing; run the demo as bin/spectral-edge from a checkout of"
                    + " the project (or from its root directory), which has " + QUICKSTART);
        }
        return notebook;
    }

    /** Writes every PNG output of the notebook as {@code PREFIX-inN-K.png} (cell execution count N, K-th image). */
    static List<Path> writeFigures(JsonObject notebook, Path dir, String prefix) throws java.io.IOException {
        List<Path> written = new ArrayList<>();
        Files.createDirectories(dir);
        for (JsonElement c : notebook.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.has("outputs") || !cell.get("execution_count").isJsonPrimitive()) continue;
            int k = 0;
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
                if (data == null || !data.has("image/png")) continue;
                Path file = dir.resolve(String.format(Locale.ROOT, "%s-in%d-%d.png", prefix, cell.get("execution_count").getAsInt(), ++k));
                Files.write(file, Base64.getMimeDecoder().decode(data.get("image/png").getAsString()));
                written.add(file);
            }
        }
        return written;
    }
}
