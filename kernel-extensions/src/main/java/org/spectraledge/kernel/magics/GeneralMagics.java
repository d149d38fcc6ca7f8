package org.spectraledge.kernel.magics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.CellThreads;

/**
 * The general-purpose magics, each a plain method:
 * {@code %time CODE}, {@code %%time}, {@code %classpath JAR|DIR|DIR/* ...}, {@code %threads [stop]} (and {@code %lsmagic},
 * which {@link Magics} has itself).
 */
public final class GeneralMagics {

    static final String TIME_USAGE = "%time CODE";
    static final String CLASSPATH_USAGE = "%classpath JAR|DIR|DIR/* ...";
    static final String THREADS_USAGE = "%threads [stop]";

    private final CellEvaluator evaluator;
    private final List<Path> added = new ArrayList<>();

    private GeneralMagics(CellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Registers {@code %time}, {@code %%time} and {@code %classpath} on {@code magics}. */
    public static Magics register(Magics magics, CellEvaluator evaluator) {
        GeneralMagics general = new GeneralMagics(evaluator);
        return magics
                .line("time", TIME_USAGE, "run one line of Java and print its wall time", general::timeLine)
                .cell("time", "%%time", "run the cell and print its wall time", general::timeCell)
                .line("classpath", CLASSPATH_USAGE, "add jars or class directories (no arguments: list them)", general::classpath)
                .line("threads", THREADS_USAGE, "list the threads cells started that still run; stop: interrupt them", general::threads);
    }

    CellResult timeLine(MagicCall call) throws CellException {
        if (call.args().isEmpty()) {
            throw new MagicException(call, "%time needs code to run; usage: " + TIME_USAGE);
        }
        return timed(call.args(), call.label(), call.line());
    }

    CellResult timeCell(MagicCall call) throws CellException {
        if (!call.args().isEmpty()) {
            throw new MagicException(call, "%%time takes no arguments, the code goes below it; usage: %%time");
        }
        return timed(call.body(), call.label(), call.line() + 1);
    }

    /** Runs {@code code} and prints {@code Wall time: …}, also when the code fails. */
    private CellResult timed(String code, String label, int line) throws CellException {
        long start = System.nanoTime();
        try {
            return evaluator.eval(code, label, line);
        } finally {
            System.out.println("Wall time: " + formatMillis((System.nanoTime() - start) / 1e6));
        }
    }

    /** Lists the threads cells started that are still alive; {@code stop} interrupts them and says which remain. */
    CellResult threads(MagicCall call) throws CellException {
        String arg = call.args().strip();
        if (!arg.isEmpty() && !arg.equals("stop")) {
            throw new MagicException(call, "%threads takes nothing or 'stop', got '" + arg + "'; usage: " + THREADS_USAGE);
        }
        List<CellThreads.Started> running = evaluator.threads().stillRunning();
        if (running.isEmpty()) return CellResult.of("No thread started by a cell is running.");
        if (arg.isEmpty()) {
            return CellResult.of("Running, started by cells: " + describe(running) + ". %threads stop interrupts them.");
        }
        List<CellThreads.Started> left;
        try {
            left = evaluator.threads().stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MagicException(call, "%threads stop was interrupted while waiting for the threads to end");
        }
        return CellResult.of("Interrupted " + running.size() + " thread(s). " + (left.isEmpty() ? "All have ended."
                : "Still running, they ignore interrupts: " + describe(left) + ". Restart the kernel to end them."));
    }

    private static String describe(List<CellThreads.Started> threads) {
        return String.join(", ", threads.stream().map(CellThreads.Started::describe).toList());
    }

    static String formatMillis(double ms) {
        return ms < 1_000 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1_000);
    }

    CellResult classpath(MagicCall call) throws CellException {
        if (call.args().isEmpty()) {
            List<String> shown = new ArrayList<>();
            added.forEach(p -> shown.add(p.toString()));
            return CellResult.of(shown.isEmpty() ? "(nothing added; the library and the JDK are always there)" : String.join("\n", shown));
        }
        List<Path> entries = new ArrayList<>();
        for (String arg : call.args().split("\\s+")) {
            entries.addAll(resolve(call, arg));
        }
        for (Path p : entries) {
            evaluator.addToClasspath(p.toString());
            added.add(p);
        }
        System.out.println("Added " + entries.size() + (entries.size() == 1 ? " entry" : " entries") + " to the class path");
        return CellResult.NONE;
    }

    /** {@code DIR/*} is every jar in DIR; anything else must be an existing jar or directory. */
    private static List<Path> resolve(MagicCall call, String arg) throws MagicException {
        if (arg.endsWith("/*")) {
            Path dir = Path.of(arg.substring(0, arg.length() - 2)).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new MagicException(call, dir + " is not a directory; usage: " + CLASSPATH_USAGE);
            }
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
                stream.forEach(jars::add);
            } catch (IOException e) {
                throw new MagicException(call, "cannot list " + dir + ": " + e.getMessage());
            }
            jars.sort(null);
            return jars;
        }
        Path path = Path.of(arg).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new MagicException(call, path + " does not exist; usage: " + CLASSPATH_USAGE);
        }
        return List.of(path);
    }
}
