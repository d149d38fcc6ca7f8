package org.spectraledge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.spectraledge.testing.TestEngine;
class DenormalsTest {

    /** A denormal float, read from a field so that javac cannot fold the arithmetic below. */
    private static volatile float denormal = 1e-40f;

    @BeforeAll
    static void engine() {
        TestEngine.start();
    }

    /** What one thread sees: PyTorch's product, PyTorch's use of a denormal input, Java's product. */
    private record Seen(boolean supported, float torchProduct, float torchInput, float javaProduct) {}

    /** Runs on a fresh thread so that the register bits never leak into other tests. */
    private static Seen onFreshThread(boolean flush) throws InterruptedException {
        AtomicReference<Seen> seen = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                boolean supported = Denormals.flushOnThisThread(flush);
                NDArray tiny = manager.create(new float[] {1e-20f});
                float product = tiny.mul(tiny).getFloat(0);
                float input = manager.create(new float[] {denormal}).mul(2f).getFloat(0);
                seen.set(new Seen(supported, product, input, denormal * 2f));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return seen.get();
    }

    @Test
    void flushingTurnsDenormalsIntoZeroOnThatThreadOnly() throws InterruptedException {
        Seen ieee = onFreshThread(false);
        float twice = denormal * 2f;
        assertTrue(twice > 0, "this thread must keep denormals for the test to mean anything");
        assertEquals(1e-40f, ieee.torchProduct(), 1e-44f);
        assertEquals(twice, ieee.torchInput());
        assertEquals(twice, ieee.javaProduct());

        Seen flushed = onFreshThread(true);
        assertTrue(flushed.supported(), "x86-64 CPUs with SSE3 support denormals-are-zero");
        assertEquals(0f, flushed.torchProduct());
        assertEquals(0f, flushed.torchInput());
        // the documented caveat: Java arithmetic on that thread flushes as well
        assertEquals(0f, flushed.javaProduct());

        // this thread was never switched
        assertEquals(twice, denormal * 2f);
    }
}
