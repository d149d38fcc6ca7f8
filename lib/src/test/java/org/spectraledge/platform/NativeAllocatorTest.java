package org.spectraledge.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.spectraledge.testing.TestEngine;
/**
 * After {@link NativeAllocator#keepFreedMemory()}, memory a step frees is reused by the next step instead of being
 * returned to the system and faulted in again. The pattern is a training step's: many large tensors on one scope,
 * freed together when it closes. With glibc's defaults (measured) the steady state costs about 26 page faults per
 * 4 MiB tensor; with the setting, none.
 */
class NativeAllocatorTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void memoryFreedByAStepIsReusedWithoutPageFaults() {
        TestEngine.start();
        assertTrue(NativeAllocator.keepFreedMemory(), "glibc refused the mallopt settings");
        int steps = 4, tensors = 10;
        try (NDManager manager = NDManager.newBaseManager()) {
            steps(manager, 3, tensors);                      // the first steps fault their pages in once
            long before = ProcStat.minorFaults();
            steps(manager, steps, tensors);
            double perTensor = (ProcStat.minorFaults() - before) / (double) (steps * tensors);
            // other JVM threads add a few faults; the default allocator costs about 26 per tensor here
            assertTrue(perTensor < 5, perTensor + " minor page faults per 4 MiB tensor: freed memory is not being reused");
        }
    }

    /** n "steps", each allocating {@code tensors} zero-filled 4 MiB tensors on a scope that then closes. */
    private static void steps(NDManager manager, int n, int tensors) {
        for (int i = 0; i < n; i++) {
            try (NDManager step = manager.newSubManager()) {
                for (int k = 0; k < tensors; k++) step.zeros(new Shape(1024, 1024));
            }
        }
    }
}
