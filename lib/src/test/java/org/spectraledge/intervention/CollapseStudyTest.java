package org.spectraledge.intervention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainSession;
import org.spectraledge.stats.Bootstrap;

/** The collapse protocol on real DJL training: the control is the unmodified run, each collapse moves its r_j to 1. */
class CollapseStudyTest {
    private static final TrainConfig SMALL = TrainConfig.of(Map.of("p", "11", "d", "8", "width", "16", "threads", "1",
            "eval-every", "10", "window", "4", "stride", "2", "checkpoint-every", "0", "lr", "3e-3", "wd", "1"));

    @Test
    void eachBranchStartsFromTheSamePointAndTheCollapseFlattensItsRatio(@TempDir Path dir) throws Exception {
        GapCollapse protocol = GapCollapse.builder().optContinued(6).build();
        List<String> heard = new ArrayList<>();
        List<CollapseTrial> trials = CollapseStudy.run(SMALL, protocol, List.of(20L, 40L), new CollapseListener() {
            @Override public void branchFinished(long origin, CollapseBranch b) { heard.add(origin + ":" + b.position()); }
        });
        assertEquals(List.of("20:0", "20:1", "20:2", "20:3", "40:0", "40:1", "40:2", "40:3"), heard);
        assertEquals(2, trials.size());

        // the control is the run itself: the same losses as a session trained straight to t₀ + K and t₀ + K + L
        try (TrainSession plain = TrainSession.open(SMALL.toBuilder().optTarget(0).build())) {
            for (CollapseTrial t : trials) {
                assertEquals(8, t.steps(), "K defaults to one full window, W·stride");
                plain.train(t.origin() + 8 - plain.step());
                assertEquals(plain.evaluate(), t.control().afterSteps(), "control at t₀ + K, t₀ = " + t.origin());
                plain.train(6);
                assertEquals(plain.evaluate(), t.control().afterContinued(), "control at t₀ + K + L");
            }
        }
        for (CollapseTrial t : trials) {
            assertEquals(t.origin() + 8, t.control().afterSteps().step());
            for (int j = 1; j <= 3; j++) {
                CollapseBranch b = t.branch(j);
                double collapsed = Math.abs(Math.log(b.ratio(j))), control = Math.abs(Math.log(t.control().ratio(j)));
                assertTrue(collapsed < control, "t₀ " + t.origin() + ", j " + j + ": r_j " + b.ratio(j) + " vs the control's "
                        + t.control().ratio(j));
                assertTrue(b.shrink() > 0 && b.shrink() < 1, "c_j = " + b.shrink());
            }
        }

        Path file = dir.resolve("collapse.csv");
        CollapseFile.write(file, trials);
        List<CollapseTrial> back = CollapseFile.read(file);
        assertEquals(trials.size(), back.size());
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(trials.get(i).control().afterContinued(), back.get(i).control().afterContinued());
            for (int j = 1; j <= 3; j++) {
                assertEquals(trials.get(i).effect(j, CollapseTrial.Horizon.AFTER_CONTINUATION),
                        back.get(i).effect(j, CollapseTrial.Horizon.AFTER_CONTINUATION), 0);
            }
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        CollapseSummary summary = CollapseSummary.of(back, CollapseTrial.Horizon.AFTER_COLLAPSE, Bootstrap.withSeed(1));
        assertEquals(3, summary.positions().size());
        assertTrue(summary.verdict().startsWith("Gap Maximality"), summary.verdict());
    }

    @Test
    void branchPointsWithoutAFullWindowOrOffTheStrideAreRefusedWithTheFix() {
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> CollapseStudy.run(SMALL, GapCollapse.builder().build(), List.of(6L), new CollapseListener() {}));
        assertTrue(early.getMessage().contains("the first is at step 8"), early.getMessage());
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> CollapseStudy.run(SMALL, GapCollapse.builder().build(), List.of(21L), new CollapseListener() {}));
        assertTrue(off.getMessage().contains("multiple of the stride 2"), off.getMessage());
        IllegalArgumentException position = assertThrows(IllegalArgumentException.class,
                () -> CollapseStudy.run(SMALL, GapCollapse.builder().optPositions(List.of(4)).build(), List.of(20L), new CollapseListener() {}));
        assertTrue(position.getMessage().contains("use 1..3"), position.getMessage());
    }

    /** Hand-made trials with known effects: the summary's medians, counts and margin follow from them by hand. */
    @Test
    void theSummaryReadsEffectsAgainstThePairedControl() {
        // three trials, k* = 1; effects (Δ_1, Δ_2, Δ_3) = (0.5, 0.1, 0.2), (0.4, 0.3, 0.0), (0.1, 0.3, 0.2)
        double[][] effects = {{0.5, 0.1, 0.2}, {0.4, 0.3, 0.0}, {0.1, 0.3, 0.2}};
        List<CollapseTrial> trials = new ArrayList<>();
        for (int t = 0; t < 3; t++) trials.add(CollapseTrials.withEffects(t, 1, effects[t]));
        CollapseSummary s = CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_COLLAPSE, Bootstrap.withSeed(3));
        assertEquals(0.4, s.positions().get(0).median().value().estimate(), 1e-12);
        assertEquals(0.3, s.positions().get(1).median().value().estimate(), 1e-12);
        assertEquals(3, s.positions().get(0).atKStar());
        assertEquals(2, s.positions().get(2).hurt(), "Δ_3 > 0 in two trials");
        assertEquals(2, s.largest().value().k(), "k*'s collapse hurt most in trials 1 and 2");
        assertEquals(3, s.counted());
        assertEquals(1.0 / 3, s.chance(), 1e-12);
        // margins 0.5 − 0.2 = 0.3, 0.4 − 0.3 = 0.1, 0.1 − 0.3 = −0.2: median 0.1, and a resample can be all −0.2
        assertEquals(0.1, s.margin().value().estimate(), 1e-12);
        assertEquals(-0.2, s.margin().value().lower(), 1e-12);
        assertTrue(!s.predictionHolds() && s.verdict().startsWith("Gap Maximality is not confirmed"), s.verdict());
        assertEquals(3, s.table().rowCount());
        // σ = (4, 2, 1.5, 1), Σσ² = 23.25: j = 1 removes (1 − 1/4)·16 = 12, j = 2 (1 − 0.5625)·20 = 8.75
        assertEquals(12 / 23.25, s.positions().get(0).removed(), 1e-12);
        assertEquals(8.75 / 23.25, s.positions().get(1).removed(), 1e-12);
    }
}
