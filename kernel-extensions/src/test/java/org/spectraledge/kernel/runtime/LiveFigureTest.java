package org.spectraledge.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live figure: built and drawn every k ticks in one output, not more often than its least interval. */
class LiveFigureTest {

    private static final long MS = 1_000_000L;

    @Test
    void drawsEveryKTicksIntoOneDisplayId() {
        RecordingSink sink = new RecordingSink();
        AtomicInteger built = new AtomicInteger();
        LiveFigure live = new LiveFigure(10, 0, sink, () -> 0);
        for (int i = 1; i <= 35; i++) {
            int tick = i;
            live.tick(() -> "figure at " + tick + " (build " + built.incrementAndGet() + ")");
        }
        List<RecordingSink.Event> events = sink.events();
        assertEquals(List.of("display", "update", "update"), events.stream().map(RecordingSink.Event::kind).toList());
        assertEquals(List.of("figure at 10 (build 1)", "figure at 20 (build 2)", "figure at 30 (build 3)"),
                events.stream().map(e -> (String) e.value()).toList(), "built only when drawn");
        live.show("final");
        assertEquals("final", sink.of(live.displayId()).get(3).value());
        assertEquals(4, live.draws());
    }

    @Test
    void aSlowClockDelaysRedrawsToTheLeastInterval() {
        RecordingSink sink = new RecordingSink();
        AtomicLong clock = new AtomicLong();
        LiveFigure live = new LiveFigure(1, 1_000, sink, clock::get);
        for (int i = 0; i < 50; i++) { // one tick every 100 ms for 5 s
            clock.addAndGet(100 * MS);
            live.tick(() -> "f");
        }
        assertEquals(5, live.draws(), "the first tick, then once a second");
    }

    @Test
    void kBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LiveFigure.every(0, new RecordingSink()));
    }
}
