package org.spectraledge.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Numeric fields of a Linux {@code stat} file ({@code /proc/self/stat}, {@code /proc/thread-self/stat}), numbered as in proc(5). */
public final class ProcStat {

    /** This process's counters. */
    public static final Path PROCESS = Path.of("/proc/self/stat");
    /** The calling thread's counters and settings. */
    public static final Path THREAD = Path.of("/proc/thread-self/stat");

    private ProcStat() {}

    /**
     * Field {@code number} (1-based, as proc(5) counts) of a {@code stat} file.
     *
     * @throws IOException if the file cannot be read (not Linux)
     */
    public static long field(Path stat, int number) throws IOException {
        String line = Files.readString(stat);
        // field 2, the command name, is in parentheses and may contain spaces: the fields after it start at field 3
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[number - 3].strip());
    }

    /**
     * Minor page faults of this process so far (field 10): each is a first touch of a page the kernel must map, which
     * is what memory freed to the system and allocated again costs.
     *
     * @throws UncheckedIOException off Linux
     */
    public static long minorFaults() {
        try {
            return field(PROCESS, 10);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROCESS + " (Linux only): " + e.getMessage(), e);
        }
    }
}
