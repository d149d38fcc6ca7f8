package org.spectraledge.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link NativeAllocator#keepFreedMemory()} applies glibc's settings, once per process. What the settings save in page
 * faults depends on the arena a thread is given and on what the process allocated before (measured here from 0.4 to
 * 50 faults per 4 MiB tensor in fresh JVMs of the same code), so it is a benchmark figure: the training-throughput
 * benchmark reports faults per step beside the time (docs/benchmarks.md#native-settings).
 */
class NativeAllocatorTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void glibcAcceptsTheSettingsOncePerProcess() {
        assertTrue(NativeAllocator.keepFreedMemory(), "glibc refused the mallopt settings");
        assertTrue(NativeAllocator.keepFreedMemory(), "a second call reports the first result");
    }
}
