package org.spectraledge.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EvalLogTest {
    /** Evals at steps 0, 100, …, 1000; train accuracy hits exactly 0.99 at step 300, test 0.95 at 800. */
    private static EvalLog knownLog() {
        double[] train = {0.1, 0.5, 0.9, 0.99, 1, 1, 1, 1, 1, 1, 1};
        double[] test = {0.01, 0.02, 0.02, 0.03, 0.05, 0.1, 0.4, 0.9, 0.95, 0.99, 1};
        List<EvalRecord> records = new ArrayList<>();
        for (int i = 0; i < train.length; i++) records.add(new EvalRecord(100L * i, 1.0 / (i + 1), train[i], 2.0, test[i]));
        return new EvalLog(records);
    }

    @Test
    void memorizationAndGrokStepsAreFirstEvalsReachingTheThreshold() {
        EvalLog log = knownLog();
        assertEquals(11, log.size());
        assertEquals(OptionalLong.of(300), log.memorizationStep(), "≥ 0.99 counts exactly at the threshold");
        assertEquals(OptionalLong.of(800), log.grokStep());
    }

    @Test
    void thresholdsAreConfigurable() {
        EvalLog log = knownLog();
        assertEquals(OptionalLong.of(100), log.memorizationStep(0.5));
        assertEquals(OptionalLong.of(900), log.grokStep(0.99));
        assertEquals(OptionalLong.of(600), log.grokStep(0.3));
    }

    @Test
    void aRunThatNeverReachesTheThresholdDidNotGrok() {
        EvalLog log = EvalLog.of(new EvalRecord(0, 1, 0.5, 1, 0.1), new EvalRecord(10, 1, 1.0, 1, 0.94));
        assertEquals(OptionalLong.empty(), log.grokStep());
        assertEquals(OptionalLong.of(10), log.memorizationStep());
    }

    @Test
    void recordsAreSortedUniqueAndImmutable() {
        EvalRecord a = new EvalRecord(100, 1, 0.5, 1, 0.5);
        EvalRecord b = new EvalRecord(50, 1, 0.5, 1, 0.5);
        IllegalArgumentException unsorted = assertThrows(IllegalArgumentException.class, () -> EvalLog.of(a, b));
        assertTrue(unsorted.getMessage().contains("record 1 has step 50 after step 100"), unsorted.getMessage());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> EvalLog.of(a, a));
        assertTrue(duplicate.getMessage().contains("strictly increase"), duplicate.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new EvalLog(List.of()));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());

        List<EvalRecord> source = new ArrayList<>(List.of(b, a));
        EvalLog log = new EvalLog(source);
        source.clear();
        assertEquals(2, log.size(), "the log keeps its own copy");
        assertThrows(UnsupportedOperationException.class, () -> log.records().clear());
    }

    @Test
    void accuraciesMustBeFractions() {
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class,
                () -> new EvalRecord(7, 0.1, 0.5, 0.2, 95));
        assertTrue(percent.getMessage().contains("test accuracy 95.0 at step 7")
                && percent.getMessage().contains("not percentages"), percent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EvalRecord(7, 0.1, Double.NaN, 0.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new EvalRecord(-1, 0.1, 0.5, 0.2, 0.5));
        // A diverged run logs NaN losses: that is data, not an error.
        assertTrue(Double.isNaN(new EvalRecord(7, Double.NaN, 0.5, Double.POSITIVE_INFINITY, 0.5).trainLoss()));
        IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class, () -> knownLog().grokStep(95));
        assertTrue(threshold.getMessage().contains("(0, 1]"), threshold.getMessage());
    }
}
