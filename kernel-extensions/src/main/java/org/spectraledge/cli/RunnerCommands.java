package org.spectraledge.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spectraledge.kernel.execution.ExitGuard;
import org.spectraledge.kernel.headless.NotebookFile;
import org.spectraledge.kernel.headless.NotebookRunner;
import org.spectraledge.kernel.headless.ScriptRunner;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.NotebookSession;

import org.spectraledge.options.Arguments;
import org.spectraledge.options.UsageException;
/** The subcommands that run notebooks and scripts without Jupyter: {@code run} and {@code script}. */
final class RunnerCommands {
    private RunnerCommands() {}

    /** {@code spectral-edge run NOTEBOOK.ipynb [-o OUT.ipynb] [--allow-errors] [--timeout SECONDS]}. */
    static final class Run implements Command {
        @Override public String name() { return "run"; }
        @Override public String summary() { return "execute a notebook without Jupyter and write it with its outputs"; }
        @Override public String usage() {
            return String.join("\n",
                    "usage: spectral-edge run NOTEBOOK.ipynb [-o OUT.ipynb] [--allow-errors] [--timeout SECONDS]",
                    "",
                    "Runs every code cell in this process, with the kernel's imports, magics and displays, and writes",
                    "the notebook (nbformat 4) with all outputs. Markdown cells are kept as they are.",
                    "  -o, --output FILE  where to write (default: NOTEBOOK.out.ipynb next to the input)",
                    "  --allow-errors     go on after a failing cell (default: stop there, exit code 1)",
                    "  --timeout SECONDS  interrupt a cell that runs longer (default: no limit)",
                    "Relative paths in cells are resolved against the current directory, not the notebook's.");
        }

        @Override public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws Exception {
            Arguments args = new Arguments(rawArgs, Set.of("output", "timeout"), Set.of("allow-errors"), Map.of("o", "output"));
            Path notebook = single(args, "NOTEBOOK.ipynb");
            Path output = args.has("output") ? Path.of(args.string("output", null))
                    : notebook.resolveSibling(notebook.getFileName().toString().replaceFirst("\\.ipynb$", "") + ".out.ipynb");
            Duration timeout = args.has("timeout") ? Duration.ofMillis(Math.round(1000 * args.number("timeout", 0, 0))) : null;
            NotebookRunner.Options options = new NotebookRunner.Options(args.flag("allow-errors"), timeout);
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
    static final class Script implements Command {
        @Override public String name() { return "script"; }
        @Override public String summary() { return "run a JShell script (.jsh) with the kernel's imports and magics"; }
        @Override public String usage() {
            return String.join("\n",
                    "usage: spectral-edge script FILE.jsh [--out DIR]",
                    "",
                    "Runs the script in this process as one notebook cell: the kernel's imports, magics and display(...).",
                    "Text output goes to standard output; charts and images are written as FILE-1.png, FILE-2.png, ...",
                    "  --out DIR  where images go (default: the script's directory); their paths are printed",
                    "Exit code 1 when the script fails; the error names the script line.");
        }

        @Override public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws Exception {
            Arguments args = new Arguments(rawArgs, Set.of("out"), Set.of(), Map.of());
            Path script = single(args, "FILE.jsh");
            Path dir = args.has("out") ? Path.of(args.string("out", null)) : script.toAbsolutePath().getParent();
            Optional<CellError> error = withSession(session -> new ScriptRunner(session, dir, out).run(script));
            if (error.isPresent()) {
                err.println(String.join("\n", error.get().traceback()));
                return 1;
            }
            return 0;
        }
    }

    /** The one positional argument, an existing file. */
    private static Path single(Arguments args, String what) {
        if (args.positional().size() != 1) {
            throw new UsageException("expected one " + what + ", got " + args.positional());
        }
        Path file = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " does not exist or is not a file");
        }
        return file;
    }

    interface SessionWork<T> {
        T apply(NotebookSession session) throws Exception;
    }

    /**
     * Runs {@code work} in a fresh session with {@code System.exit} guarded as in the kernel, so a cell
     * that calls it fails instead of ending the run (and the notebook is still written).
     */
    static <T> T withSession(SessionWork<T> work) throws Exception {
        return withSession(true, work);
    }

    /**
     * As {@link #withSession(SessionWork)}, optionally without the guard: the JDK prints a four-line deprecation warning
     * when it is installed, which the demo (a notebook we ship, without {@code System.exit}) spares its first-time users.
     */
    static <T> T withSession(boolean guardExit, SessionWork<T> work) throws Exception {
        ExitGuard guard = guardExit ? ExitGuard.install() : null;
        try (NotebookSession session = NotebookSession.start()) {
            return work.apply(session);
        } finally {
            if (guard != null) {
                guard.permitExit();
            }
        }
    }
}
