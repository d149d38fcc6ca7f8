package org.spectraledge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from {@code /proc/self/status} (Linux). */
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
}
