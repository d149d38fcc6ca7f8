package org.spectraledge.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.ModularArithmetic;
import org.spectraledge.datasets.ModularDataset;
import org.spectraledge.datasets.ModularOp;
import org.spectraledge.datasets.Split;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.WindowResult;

/** A session trained in phases equals one uninterrupted run; a task switch keeps the inputs and changes the labels. */
class TrainSessionTest {
    private static final TrainConfig SMALL = TrainConfig.of(Map.of("p", "11", "d", "8", "width", "16", "threads", "1",
            "eval-every", "10", "window", "4", "checkpoint-every", "0"));

    @Test
    void trainingInPhasesGivesTheWindowsAndEvalsOfOneRun() {
        List<WindowResult> whole;
        List<EvalRecord> wholeEvals;
        try (TrainSession s = TrainSession.open(SMALL)) {
            s.train(40);
            whole = s.windows("all");
            wholeEvals = s.evals();
            assertEquals(List.of(new TrainSession.Phase("add", 0, 40)), s.phases());
        }
        try (TrainSession s = TrainSession.open(SMALL)) {
            s.train(15);
            s.train(25);
            assertEquals(40, s.step());
            assertEquals(List.of(new TrainSession.Phase("add", 0, 40)), s.phases(), "one task, one phase");
            List<WindowResult> split = s.windows("all");
            assertEquals(whole.size(), split.size());
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.get(i).step(), split.get(i).step());
                assertArrayEquals(whole.get(i).spectrum().lambda(), split.get(i).spectrum().lambda(), 0, "window " + i);
                assertEquals(whole.get(i).stability().deltaExact(), split.get(i).stability().deltaExact(), 0);
            }
            // the end of a phase is evaluated too: step 15 is the one extra evaluation
            List<EvalRecord> evals = s.evals();
            assertEquals(List.of(10L, 15L, 20L, 30L, 40L), evals.stream().map(EvalRecord::step).toList());
            assertEquals(wholeEvals, evals.stream().filter(e -> e.step() != 15).toList());
        }
    }

    @Test
    void aBranchPointReturnsTheSessionToWhereItWasSoBothBranchesTrainAlike() {
        try (TrainSession s = TrainSession.open(SMALL)) {
            s.train(20);
            TrainSession.BranchPoint point = s.mark();
            s.train(20);
            List<WindowResult> first = s.windows("all");
            List<EvalRecord> firstEvals = s.evals();
            EvalRecord firstEnd = s.evaluate();

            s.restore(point);
            assertEquals(20, s.step());
            assertEquals(first.subList(0, s.windows("all").size()), s.windows("all"), "the windows up to the branch point stay");
            assertEquals(List.of(10L, 20L), s.evals().stream().map(EvalRecord::step).toList());
            assertEquals(List.of(new TrainSession.Phase("add", 0, 20)), s.phases());

            s.train(20);
            List<WindowResult> second = s.windows("all");
            assertEquals(first.size(), second.size());
            for (int i = 0; i < first.size(); i++) {
                assertArrayEquals(first.get(i).spectrum().lambda(), second.get(i).spectrum().lambda(), 0, "window " + i);
            }
            assertEquals(firstEvals, s.evals(), "weights, optimizer state and minibatches are those of the first branch");
            assertEquals(firstEnd, s.evaluate());
        }
        try (TrainSession a = TrainSession.open(SMALL); TrainSession b = TrainSession.open(SMALL)) {
            TrainSession.BranchPoint point = a.mark();
            assertThrows(IllegalArgumentException.class, () -> b.restore(point));
        }
    }

    @Test
    void switchingTheTaskKeepsTheInputsAndTheWindowAndChangesTheLabels() {
        ModularDataset sub = ModularArithmetic.builder().setOp(ModularOp.SUB).setP(11).optSeed(0).build();
        try (TrainSession s = TrainSession.open(SMALL)) {
            s.train(20);
            int[] inputsBefore = s.trainData().inputs().get(0).toIntArray();
            s.switchTask("SUB");
            assertEquals("sub", s.task());
            assertArrayEquals(inputsBefore, s.trainData().inputs().get(0).toIntArray(), "the same pairs in the same order");
            assertArrayEquals(sub.labels(Split.TRAIN), s.trainData().labels().toIntArray());
            assertArrayEquals(sub.labels(Split.TEST), s.testData().labels().toIntArray());
            EvalRecord fresh = s.evaluate();
            assertEquals(20, fresh.step());
            assertTrue(fresh.trainAcc() >= 0 && fresh.trainAcc() <= 1);
            assertEquals(2, s.evals().size(), "evaluate() is not logged");
            s.switchTask("add");
            assertEquals(s.evals().get(s.evals().size() - 1), s.evaluate(), "the logged eval of step 20 was on add");
            s.switchTask("sub");
            int windowsBefore = s.windows("all").size();
            s.train(10);
            assertEquals(windowsBefore + 10, s.windows("all").size(), "the capture runs on across the switch");
            assertEquals(List.of(new TrainSession.Phase("add", 0, 20), new TrainSession.Phase("sub", 20, 30)), s.phases());
            assertEquals(30, s.evals().get(s.evals().size() - 1).step());
        }
    }

    @Test
    void switchingToATaskOnOtherInputsNamesTheProblem() {
        try (TrainSession s = TrainSession.open(SMALL)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.switchTask("div"));
            assertTrue(e.getMessage().contains("other pairs"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.switchTask("dyck"));
            assertThrows(IllegalArgumentException.class, () -> s.train(0));
            assertThrows(IllegalStateException.class, s::evalLog, "no evaluation before training");
        }
    }
}
