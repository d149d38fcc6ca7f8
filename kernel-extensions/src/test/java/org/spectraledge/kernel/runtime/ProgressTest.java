package org.spectraledge.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import org.spectraledge.kernel.display.ProgressBar;
/** The progress display: one output updated in place, throttled, with ETA from the rate so far. */
class ProgressTest {

    private static final long MS = 1_000_000L;

    @Test
    void oneDisplayThenThrottledUpdatesOfTheSameIdAndAlwaysTheLastFrame() {
        RecordingSink sink = new RecordingSink();
        AtomicLong clock = new AtomicLong(0);
        Progress p = new Progress("train", 100, sink, clock::get);
        for (int step = 1; step <= 100; step++) {
            clock.addAndGet(10 * MS); // 10 ms per step: 1 s in all
            p.update(step, "loss " + step);
        }
        p.finish("completed");
        List<RecordingSink.Event> events = sink.events();
        assertEquals("display", events.get(0).kind());
        assertTrue(events.stream().skip(1).allMatch(e -> e.kind().equals("update") && e.displayId().equals(p.displayId())));
        // redraws at 200, 400, 600, 800, 1000 ms and the final frame: at most five a second
        assertEquals(1 + 5 + 1, events.size(), events.toString());
        ProgressBar last = (ProgressBar) events.get(events.size() - 1).value();
        assertEquals(100, last.done());
        assertEquals("completed", last.status());
        assertTrue(last.finished());
        assertEquals(1.0, last.elapsedSeconds(), 1e-12);
        p.update(50, "late");
        assertEquals(events.size(), sink.events().size(), "nothing is drawn after finish");
    }

    @Test
    void etaIsTheTimeLeftAtTheRateSoFar() {
        ProgressBar bar = new ProgressBar("train", 25, 100, 10, "", false);
        assertEquals(30.0, bar.etaSeconds().getAsDouble(), 1e-12, "25 steps took 10 s, 75 remain");
        assertFalse(new ProgressBar("x", 0, 100, 3, "", false).etaSeconds().isPresent(), "no rate before the first step");
        assertFalse(new ProgressBar("x", 5, 0, 3, "", false).etaSeconds().isPresent(), "no total, no ETA");
        assertFalse(new ProgressBar("x", 50, 100, 3, "", true).etaSeconds().isPresent(), "a finished bar has no ETA");
        assertEquals("1:39", ProgressBar.clock(99.4));
        assertEquals("1:00:05", ProgressBar.clock(3605));
        assertEquals("4.1 s", ProgressBar.clock(4.12));
    }

    @Test
    void textAndHtmlShowCountsTimesAndStatusEscaped() {
        ProgressBar bar = new ProgressBar("train add", 30, 120, 6, "loss <0.5> & falling", false);
        assertEquals("train add [########                      ] 30/120  6.0 s  ETA 18.0 s  loss <0.5> & falling", bar.text());
        String html = bar.html();
        assertTrue(html.contains("width:25.0%"), html);
        assertTrue(html.contains("30/120") && html.contains("ETA 18.0 s"), html);
        assertTrue(html.contains("loss &lt;0.5&gt; &amp; falling"), html);
        assertFalse(html.contains("<0.5>"), html);
    }

    @Test
    void badArgumentsAreRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProgressBar("x", -1, 10, 0, "", false));
        assertTrue(e.getMessage().contains("≥ 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Progress("x", -5, new RecordingSink(), () -> 0));
    }
}
