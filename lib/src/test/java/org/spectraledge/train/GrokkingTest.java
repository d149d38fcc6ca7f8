package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.events.GapEventDetector;
import org.spectraledge.events.GapEvents;
import org.spectraledge.events.GapSeries;
import org.spectraledge.events.EvalLog;

import org.spectraledge.run.TrainRun;
import org.spectraledge.run.TrainConfig;
/**
 * The fast configuration of framework §8 (MLP, (a+b) mod 59, frac 0.5, AdamW lr 3e-3, full batch): with ω = 1 it groks
 * within 3,000 steps; with ω = 0 the same budget does not grok.
 */
class GrokkingTest {
    @TempDir Path dir;

    @Test
    void groksWithWeightDecayAndNotWithout() {
        TrainRun.Result decay = TrainRun.start(TrainConfig.of(Map.of("wd", "1.0", "steps", "3000", "target", "0.95",
                "threads", "2", "checkpoint-every", "0")), dir.resolve("wd1"), List.of());
        assertTrue(decay.grokkedStep().isPresent(), "ω = 1 must grok within 3,000 steps: " + decay.outcome().evals());
        assertEquals(TrainingOutcome.Status.TARGET_REACHED, decay.outcome().status(), "stops early at test accuracy 0.95");
        assertEquals(decay.grokkedStep().getAsLong(), decay.outcome().steps(), "the stop is the grok step");
        assertTrue(decay.memorizedStep().isPresent());
        assertTrue(decay.memorizedStep().getAsLong() < decay.grokkedStep().getAsLong(), "memorization comes first");
        GapEvents events = GapEventDetector.builder().build()
                .detect(GapSeries.of(decay.windows().get("all")), new EvalLog(decay.outcome().evals()));
        System.out.printf("ω=1: memorized %d, grokked %d, gap event %s, lead time %s, capture %.1f s of %.1f s%n",
                decay.memorizedStep().getAsLong(), decay.grokkedStep().getAsLong(), events.eventStep(), events.leadTime(),
                decay.captureSeconds(), decay.outcome().seconds());

        TrainRun.Result none = TrainRun.start(TrainConfig.of(Map.of("wd", "0", "steps", "3000", "threads", "2",
                "checkpoint-every", "0", "eval-every", "100")), dir.resolve("wd0"), List.of());
        assertFalse(none.grokkedStep().isPresent(), "ω = 0 must not grok within 3,000 steps: "
                + none.outcome().evals().get(none.outcome().evals().size() - 1));
    }
}
