package org.spectraledge.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spectraledge.kernel.execution.CodeAssistant;
import org.spectraledge.kernel.session.CellOutcome;
import org.spectraledge.kernel.session.CellOutputs;
import org.spectraledge.kernel.session.NotebookSession;

/**
 * The kernel's class-data archive (AppCDS): the classes a kernel loads to start JShell and run its first cells,
 * already parsed and laid out, written once by {@code install-kernel} and mapped by every kernel start
 * ({@code -XX:SharedArchiveFile}). Nearly all of a kernel's start is JShell's compiler warming up, and loading its
 * classes is a large part of that, which the archive spares each start. Figures: docs/benchmarks.md#protocol-figures.
 *
 * <p>The archive is made by a child JVM with the kernel's own flags and class path that runs {@link #main} (start a
 * session, run typical cells, a chart, a table, a completion) and dumps what it loaded at exit
 * ({@code -XX:ArchiveClassesAtExit}). It matches the jars it was made from: after a rebuild of the jars the JVM warns
 * once ("Unable to use shared archive") and starts without it, so run {@code install-kernel} again.
 */
public final class ClassArchive {

    /** File name inside the kernelspec directory. */
    public static final String FILE_NAME = "spectral-edge.jsa";

    /** How long the archiving run may take before it is given up. */
    private static final long TIMEOUT_SECONDS = 300;

    /** Cells whose classes the archive should hold: what a notebook's first minutes run. */
    private static final List<String> TYPICAL_CELLS = List.of(
            "1 + 1",
            "var chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title(\"warm-up\").build();\n"
                    + "chart.addSeries(\"y\", new double[] {1, 2, 3}, new double[] {1, 4, 9});\n"
                    + "chart",
            "tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.DoubleColumn.create(\"x\", 1.0, 2.0))",
            "md(\"**warm-up**\")");

    private ClassArchive() {}

    /**
     * Writes the archive for a kernel started by {@code spec} into {@code dir} by running the archiving child JVM.
     *
     * @param spec the kernelspec without an archive flag: its java, flags and class path are used
     * @return the archive file
     * @throws IOException naming what went wrong (the child's exit code and the end of its output)
     */
    public static Path create(KernelSpec spec, Path dir) throws IOException {
        Path archive = dir.resolve(FILE_NAME);
        Path log = dir.resolve("class-archive.log");
        Files.deleteIfExists(archive);
        List<String> command = new ArrayList<>();
        List<String> argv = spec.argv();
        int main = argv.indexOf(KernelSpec.MAIN_CLASS);
        command.addAll(argv.subList(0, main));                 // java, the kernel's flags, -cp CLASSPATH
        command.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        command.add(ClassArchive.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                Files.deleteIfExists(archive);
                throw new IOException("the class archive run took over " + TIMEOUT_SECONDS + " s; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the class archive", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
            Files.deleteIfExists(archive); // the JVM dumps at any exit, also after a failed run
            throw new IOException("the class archive run ended with exit code " + process.exitValue() + ": "
                    + tail(log) + " (full output in " + log + ")");
        }
        Files.deleteIfExists(log);
        return archive;
    }

    /** The archiving run: a session, its typical cells, a completion; exits 0 only if all of them worked. */
    public static void main(String[] args) {
        try (NotebookSession session = NotebookSession.start()) {
            for (String cell : TYPICAL_CELLS) {
                session.beginCell();
                CellOutcome outcome = session.execute(cell, "warm-up", CellOutputs.NONE);
                if (outcome.failed()) {
                    System.err.println("warm-up cell failed: " + cell + "\n" + String.join("\n", outcome.error().traceback()));
                    System.exit(1);
                }
            }
            new CodeAssistant(session.evaluator()).complete("Math.ma", 7);
        }
        System.exit(0);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
