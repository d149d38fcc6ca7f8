package org.spectraledge.platform;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import org.spectraledge.testing.TestEngine;

/**
 * A fresh JVM's allocation pattern of a training step — many 4 MiB tensors on a scope that then closes — and the
 * minor page faults it costs this thread per tensor once warm. Argument {@code keep}: call
 * {@link NativeAllocator#keepFreedMemory()} first; {@code default}: glibc's own settings, the control.
 */
public final class AllocatorChild {
    private AllocatorChild() {}

    public static void main(String[] args) throws IOException {
        TestEngine.start();
        if (args[0].equals("keep") && !NativeAllocator.keepFreedMemory()) throw new IllegalStateException("glibc refused the mallopt settings");
        int tensors = 10, steps = 4;
        try (NDManager manager = NDManager.newBaseManager()) {
            steps(manager, 20, tensors);                           // warm: the arena reaches its working size
            long before = ProcStat.field(ProcStat.THREAD, 10);     // this thread's faults: libtorch allocates on it
            steps(manager, steps, tensors);
            System.out.println("faultsPerTensor=" + (ProcStat.field(ProcStat.THREAD, 10) - before) / (double) (steps * tensors));
        }
    }

    private static void steps(NDManager manager, int n, int tensors) {
        for (int i = 0; i < n; i++) {
            try (NDManager step = manager.newSubManager()) {
                for (int k = 0; k < tensors; k++) step.zeros(new Shape(1024, 1024));
            }
        }
    }
}
