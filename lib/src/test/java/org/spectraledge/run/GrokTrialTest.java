package org.spectraledge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.GapEventDetector;
import org.spectraledge.events.GapSeries;
import org.spectraledge.spectral.WindowResult;
import tech.tablesaw.api.Table;

/** A trial is its run's log, windows and events, detected as the detector would on the same series. */
class GrokTrialTest {
    @TempDir Path dir;

    private static TrainConfig small(String wd, String steps) {
        return TrainConfig.of(Map.of("p", "11", "d", "8", "width", "32", "threads", "1", "eval-every", "10", "window", "4",
                "checkpoint-every", "0", "wd", wd, "steps", steps, "lr", "1e-2"));
    }

    @Test
    void aTrialHoldsTheEventsOfItsRunAndItsKStarAtAnyStep() {
        GapEventDetector detector = GapEventDetector.builder().optSmoothing(3).build();
        GrokTrial t = GrokTrial.run(small("1.0", "300"), dir.resolve("a"), detector, List.of());
        TrainRun.Result again = TrainRun.start(small("1.0", "300"), dir.resolve("b"), List.of());
        List<WindowResult> w = again.windows().get("all");
        assertEquals(detector.detect(GapSeries.of(w), new EvalLog(again.outcome().evals())), t.events(),
                "the same run, the same events");
        assertEquals(w.size(), t.windows().size());
        assertEquals("all", t.group());
        assertEquals(OptionalInt.empty(), t.kStarAt(w.get(0).step() - 1), "no window yet");
        for (int i = 0; i < w.size(); i += 37) assertEquals(OptionalInt.of(w.get(i).kStar()), t.kStarAt(w.get(i).step()));
        assertEquals(t.grokked(), t.events().grokStep().isPresent());
        if (t.grokked()) {
            assertEquals(t.kStarAt(t.events().grokStep().getAsLong()), t.kStarAtGrok());
        } else {
            assertTrue(t.kStarAtGrok().isEmpty());
        }
    }

    @Test
    void theTableHasOneRowPerTrialWithMissingValuesForEventsThatDidNotHappen() {
        GrokTrial shortRun = GrokTrial.run(small("0", "20"), dir.resolve("short"));
        assertFalse(shortRun.grokked(), "20 steps cannot generalize");
        GrokTrial longer = GrokTrial.run(small("1.0", "300"), dir.resolve("long"));
        Table table = GrokTrialTable.of("trials", List.of(shortRun, longer));
        assertEquals(2, table.rowCount());
        assertEquals(List.of("task", "p", "ω", "seed", "memorized", "grokked", "grok step", "gap event", "criterion",
                "lead time", "g₂₃ decline ×", "k* at grok", "seconds"), table.columnNames());
        assertTrue(table.longColumn("grok step").isMissing(0));
        assertTrue(table.longColumn("lead time").isMissing(0));
        assertEquals(0.0, table.doubleColumn("ω").get(0));
        assertEquals(1.0, table.doubleColumn("ω").get(1));
        assertEquals(longer.grokked(), table.booleanColumn("grokked").get(1));
        if (longer.events().leadTime().isPresent()) {
            assertEquals(longer.events().leadTime().getAsLong(), table.longColumn("lead time").get(1));
        }
    }

    @Test
    void anUncapturedGroupIsNamed() {
        TrainRun.Result r = TrainRun.start(small("1.0", "10"), dir.resolve("g"), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrokTrial.of(r, "trunk", GapEventDetector.builder().build()));
        assertTrue(e.getMessage().contains("trunk"), e.getMessage());
    }
}
