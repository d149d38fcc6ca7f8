package org.spectraledge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectraledge.platform.Engines;

/** What a benchmark report says about the machine it ran on. */
final class Machine {
    private Machine() {}

    /** The CPU's model name from {@code /proc/cpuinfo}, or "unknown CPU". */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /**
     * Where large tensors may sit in transparent huge pages: the kernel's mode ({@code always}, {@code madvise} or
     * {@code never}) and libtorch's switch, which {@code Engines} sets to 1 unless the environment sets it.
     */
    static String hugePages() {
        String mode;
        try {
            String line = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            mode = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
        } catch (IOException | StringIndexOutOfBoundsException e) {
            mode = "unknown";
        }
        return "transparent huge pages " + mode + ", " + Engines.THP_MEM_ALLOC_ENABLE + "="
                + Engines.nativeSetting(Engines.THP_MEM_ALLOC_ENABLE);
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}: how busy the shared machine was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
