package org.spectraledge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and page faults of this process, from {@code /proc/self} (Linux). */
final class ProcStatus {
    private ProcStatus() {}

    /** VmRSS in MiB: what the process holds in RAM, native (PyTorch) and Java heap together. */
    static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;   // the value is in kB
                }
            }
            throw new IllegalStateException("/proc/self/status has no VmRSS line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status (Linux only): " + e.getMessage(), e);
        }
    }

    /**
     * Minor page faults of the whole process so far (field 10 of {@code /proc/self/stat}): each is a first touch of a
     * page the kernel must map, which is what memory freed to the system and allocated again costs.
     */
    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name, which is in parentheses and may contain spaces; the first is field 3
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[10 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/stat (Linux only): " + e.getMessage(), e);
        }
    }
}
