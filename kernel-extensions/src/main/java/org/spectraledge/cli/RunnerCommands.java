package org.spectraledge.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.spectraledge.kernel.headless.NotebookFile;
import org.spectraledge.kernel.headless.NotebookRunner;
import org.spectraledge.kernel.headless.ScriptRunner;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.NotebookSession;
import org.spectraledge.options.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The subcommands that run notebooks and scripts without Jupyter: {@code run} and {@code script}. */
final class RunnerCommands {
    private RunnerCommands() {}

    /** {@code spectral-edge run NOTEBOOK.ipynb [-o OUT.ipynb] [--allow-errors] [--timeout SECONDS]}. */
    @Command(name = "run", customSynopsis = "spectral-edge run NOTEBOOK.ipynb [-o OUT.ipynb] [--allow-errors] [--timeout SECONDS]",
            description = {"execute a notebook without Jupyter and write it with its outputs",
                    "",
                    "Runs every code cell in this process, with the kernel's imports, magics and displays, and writes"
                            + " the notebook (nbformat 4) with all outputs. Markdown cells are kept as they are."},
            footer = "Relative paths in cells are resolved against the current directory, not the notebook's.")
    static final class Run implements Callable<Integer> {
        @Mixin private HelpOption help;

        @Parameters(paramLabel = "NOTEBOOK.ipynb", description = "the notebook to run")
        private Path notebook;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default: NOTEBOOK.out.ipynb next to the input)")
        private Path output;

        @Option(names = "--allow-errors", description = "go on after a failing cell (default: stop there, exit code 1)")
        private boolean allowErrors;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "interrupt a cell that runs longer (default: no limit)")
        private Double timeoutSeconds;

        private final Main.Streams io;

        Run(Main.Streams io) {
            this.io = io;
        }

        @Override public Integer call() throws Exception {
            PrintStream out = io.out(), err = io.err();
            existingFile(notebook);
            if (output == null) {
                output = notebook.resolveSibling(notebook.getFileName().toString().replaceFirst("\\.ipynb$", "") + ".out.ipynb");
            }
            if (timeoutSeconds != null && !(timeoutSeconds > 0 && Double.isFinite(timeoutSeconds))) {
                throw new UsageException("--timeout must be a number of seconds > 0, got " + timeoutSeconds);
            }
            Duration timeout = timeoutSeconds == null ? null : Duration.ofMillis(Math.round(1000 * timeoutSeconds));
            NotebookRunner.Options options = new NotebookRunner.Options(allowErrors, timeout);
            var input = NotebookFile.read(notebook);
            ProgressLine progress = new ProgressLine(err, "run " + notebook.getFileName(), 1);
            NotebookRunner.Listener listener = new NotebookRunner.Listener() {
                @Override public void cellStarting(int number, int codeCells, String source) {
                    progress.setTotal(codeCells);
                    progress.update(number - 1, "In [" + number + "]");
                }

                @Override public void cellFinished(int number, com.google.gson.JsonArray outputs, CellError error, double seconds) {
                    progress.update(number, "");
                }
            };
            NotebookRunner.Result result = withSession(session -> new NotebookRunner(session, options, listener).run(input));
            progress.finish();
            NotebookFile.write(result.notebook(), output);
            for (NotebookRunner.Failure f : result.failures()) {
                err.println((options.allowErrors() ? "error (allowed) in " : "error in ") + NotebookRunner.describe(f));
            }
            out.println("wrote " + output + " (" + result.cellsRun() + " code cells run, " + result.failures().size() + " failed)");
            return result.succeeded() || options.allowErrors() ? 0 : 1;
        }
    }

    /** {@code spectral-edge script FILE.jsh [--out DIR]}. */
    @Command(name = "script", customSynopsis = "spectral-edge script FILE.jsh [--out DIR]",
            description = {"run a JShell script (.jsh) with the kernel's imports and magics",
                    "",
                    "Runs the script in this process as one notebook cell: the kernel's imports, magics and display(...)."
                            + " Text output goes to standard output; charts and images are written as FILE-1.png, FILE-2.png, ..."},
            footer = "Exit code 1 when the script fails; the error names the script line.")
    static final class Script implements Callable<Integer> {
        @Mixin private HelpOption help;

        @Parameters(paramLabel = "FILE.jsh", description = "the script to run")
        private Path script;

        @Option(names = "--out", paramLabel = "DIR", description = "where images go (default: the script's directory); their paths are printed")
        private Path dir;

        private final Main.Streams io;

        Script(Main.Streams io) {
            this.io = io;
        }

        @Override public Integer call() throws Exception {
            existingFile(script);
            Path images = dir != null ? dir : script.toAbsolutePath().getParent();
            Optional<CellError> error = withSession(session -> new ScriptRunner(session, images, io.out()).run(script));
            if (error.isPresent()) {
                io.err().println(String.join("\n", error.get().traceback()));
                return 1;
            }
            return 0;
        }
    }

    /**
     * Checks that {@code file} is an existing file.
     *
     * @throws UsageException if it is not
     */
    private static void existingFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " does not exist or is not a file");
        }
    }

    interface SessionWork<T> {
        T apply(NotebookSession session) throws Exception;
    }

    /**
     * Runs {@code work} in a fresh session. {@code System.exit} in a cell fails that cell as in the kernel
     * ({@code ExitGuard}), so the run goes on and the notebook is still written.
     */
    static <T> T withSession(SessionWork<T> work) throws Exception {
        try (NotebookSession session = NotebookSession.start()) {
            return work.apply(session);
        }
    }
}
