package org.spectraledge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * After {@link NativeAllocator#keepFreedMemory()}, memory a step frees is reused by the next step instead of being
 * returned to the system and faulted in again. Measured in fresh JVMs ({@link AllocatorChild}), so that what earlier
 * tests allocated does not decide the arena's state, against the same pattern with glibc's defaults as the control.
 * Transparent huge pages are off in both: they change how large blocks are faulted in, which is
 * {@code EnginesTest}'s subject, not the allocator's.
 */
class NativeAllocatorTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void memoryFreedByAStepIsReusedWithoutPageFaults() throws Exception {
        double kept = faultsPerTensor("keep");
        double control = faultsPerTensor("default");
        System.out.printf("minor page faults per 4 MiB tensor: %.2f with keepFreedMemory, %.2f with glibc's defaults%n", kept, control);
        assertTrue(kept < 5, kept + " minor page faults per 4 MiB tensor: freed memory is not being reused");
        assertTrue(control > 4 * Math.max(kept, 1), "the control, glibc's defaults, must fault more (" + control
                + " per tensor against " + kept + "), or this test could not fail");
    }

    private static double faultsPerTensor(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), AllocatorChild.class.getName(), mode);
        builder.environment().put(Engines.THP_MEM_ALLOC_ENABLE, "0");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
        assertEquals(0, process.exitValue(), out);
        Matcher m = Pattern.compile("faultsPerTensor=([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }
}
