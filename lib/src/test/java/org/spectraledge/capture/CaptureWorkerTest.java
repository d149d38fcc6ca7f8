package org.spectraledge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.platform.IdlePriority;

/** The background thread: batches in order, partial batches on request, failures reported once, low priority. */
class CaptureWorkerTest {

    /** Records what it was given; fails on a chosen item. */
    private static final class Recorder implements CaptureWorker.Processor<Integer> {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> released = Collections.synchronizedList(new ArrayList<>());
        final int failOn;
        volatile int policy = -1;

        Recorder(int failOn) {
            this.failOn = failOn;
        }

        @Override
        public void process(List<Integer> batch) {
            policy = IdlePriority.policyOfCurrentThread();
            batches.add(List.copyOf(batch));
            if (batch.contains(failOn)) throw new IllegalStateException("item " + failOn);
        }

        @Override
        public void release(Integer item) {
            released.add(item);
        }
    }

    @Test
    void fullBatchesInOrderThenThePartialOneWhenAskedAndEveryItemReleased() {
        Recorder r = new Recorder(-1);
        try (CaptureWorker<Integer> worker = new CaptureWorker<>("test-capture", 3, r)) {
            for (int i = 0; i < 7; i++) worker.submit(i);
            worker.awaitIdle();
            assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), r.batches);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), r.released);
            assertNull(worker.takeFailure());
        }
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertEquals(IdlePriority.SCHED_IDLE, r.policy, "Linux: the worker runs as SCHED_IDLE (policy 5), only on cores nothing else wants");
        }
    }

    @Test
    void aFailureIsReportedOnceAndLaterItemsAreSkippedButReleased() {
        Recorder r = new Recorder(1);
        try (CaptureWorker<Integer> worker = new CaptureWorker<>("test-capture", 2, r)) {
            for (int i = 0; i < 6; i++) worker.submit(i);
            worker.awaitIdle();
            assertEquals(List.of(List.of(0, 1)), r.batches, "nothing is processed after the failing batch");
            assertEquals(List.of(0, 1, 2, 3, 4, 5), r.released);
            RuntimeException failure = worker.takeFailure();
            assertEquals("item 1", failure.getMessage());
            assertNull(worker.takeFailure(), "reported once");
        }
    }

    @Test
    void runningOutOfHeapSaysHowToGiveTheCaptureMore() {
        CaptureWorker.Processor<Integer> starved = new CaptureWorker.Processor<>() {
            @Override public void process(List<Integer> batch) { throw new OutOfMemoryError("Java heap space"); }
            @Override public void release(Integer item) {}
        };
        try (CaptureWorker<Integer> worker = new CaptureWorker<>("test-capture", 1, starved)) {
            worker.submit(1);
            worker.awaitIdle();
            String message = worker.takeFailure().getMessage();
            assertTrue(message.contains("Java heap space") && message.contains("-Xmx") && message.contains("SPECTRAL_EDGE_JAVA_OPTS"),
                    message);
        }
    }
}
