package org.spectraledge.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sweep's results came from: {@code DIR/manifest.json}, one entry per time the sweep was run on {@code DIR}
 * (a stopped sweep continued later has several), each with the definition it trained, the command, the code's commit,
 * the wall time, the executor and the machine. Committed evidence carries it, so a reader can tell how every number
 * was made and a test can tell when the experiment file has changed since ({@link SweepSpec#definitionHash()}).
 *
 * @param definition the {@link SweepSpec#definitionHash()} of the sweep the results belong to
 * @param runs       the sweep's number of runs
 * @param invocations every run of the sweep command on this folder, oldest first
 */
public record SweepManifest(String definition, int runs, List<Invocation> invocations) {

    /** The file's name in a sweep folder. */
    public static final String FILE = "manifest.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public SweepManifest {
        invocations = List.copyOf(invocations);
    }

    /**
     * One run of the sweep command.
     *
     * @param command     the command line as given ("" when the sweep was started from code)
     * @param commit      the code's git commit, or "unknown"
     * @param started     when it started (UTC, ISO-8601)
     * @param finished    when it ended; "" while it runs, and for ever if it was killed
     * @param wallSeconds seconds from start to end
     * @param executor    where runs were trained, e.g. "local: 2 runs at a time"
     * @param trained     how many runs it trained (the others were finished before)
     * @param machine     cores, memory, processor, operating system and Java of the machine
     */
    public record Invocation(String command, String commit, String started, String finished, double wallSeconds,
                             String executor, int trained, Machine machine) {}

    /**
     * The machine a sweep ran on.
     *
     * @param cores     processors available to the JVM
     * @param memoryGib physical memory, GiB
     * @param cpu       the processor's model name (from /proc/cpuinfo where it exists)
     * @param os        operating system name, version and architecture
     * @param java      Java runtime vendor and version
     */
    public record Machine(int cores, double memoryGib, String cpu, String os, String java) {

        /** This machine. */
        public static Machine current() {
            long bytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : 0;
            return new Machine(Runtime.getRuntime().availableProcessors(), Math.round(bytes / 1073741824.0 * 10) / 10.0,
                    cpuModel(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"), System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        }

        private static String cpuModel() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }
    }

    /**
     * The manifest of sweep folder {@code dir}, if it has one.
     *
     * @throws IllegalStateException naming the file when it is not a manifest
     */
    public static java.util.Optional<SweepManifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return java.util.Optional.empty();
        try {
            SweepManifest m = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), new TypeToken<SweepManifest>() {}.getType());
            if (m == null || m.definition() == null || m.invocations() == null) {
                throw new IllegalStateException(file + " is not a sweep manifest (no \"definition\" or \"invocations\")");
            }
            return java.util.Optional.of(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalStateException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** This manifest with one more invocation. */
    public SweepManifest with(Invocation invocation) {
        List<Invocation> all = new ArrayList<>(invocations);
        all.add(invocation);
        return new SweepManifest(definition, runs, all);
    }

    /** Total wall seconds of every invocation. */
    public double wallSeconds() {
        return invocations.stream().mapToDouble(Invocation::wallSeconds).sum();
    }

    /** Writes {@code dir/manifest.json} through a temporary file renamed over the old one. */
    public void write(Path dir) {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
