package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.Scan;
import org.spectraledge.datasets.ScanDataset;
import org.spectraledge.datasets.Split;

import org.spectraledge.run.Experiment;
import org.spectraledge.run.TrainConfig;
/** A SCAN experiment trains on framework §8's 2,048 pairs and tests on the first {@link Experiment#SCAN_TEST_PAIRS} of the test pool. */
class ScanExperimentTest {
    @Test
    void scanTestsOnAFixedSampleOfTheTestPool() {
        TrainConfig c = TrainConfig.of(Map.of("task", "scan", "model", "transformer", "d", "16", "heads", "2", "d-ff", "32",
                "layers", "1", "threads", "1", "seed", "3"));
        try (Experiment exp = Experiment.create(c)) {
            assertEquals(2048, exp.train().size());
            assertEquals(Experiment.SCAN_TEST_PAIRS, exp.test().size());
            // the sample is the head of the same seeded test pool the full split would use
            ScanDataset full = Scan.builder().optTrainSize(2048).optSeed(3).build();
            ScanDataset used = (ScanDataset) exp.dataset();
            for (int i : new int[] {0, 1, Experiment.SCAN_TEST_PAIRS - 1}) {
                assertArrayEquals(full.sourceIds(Split.TEST)[i], used.sourceIds(Split.TEST)[i], "test pair " + i);
            }
            assertArrayEquals(full.sourceIds(Split.TRAIN)[5], used.sourceIds(Split.TRAIN)[5]);
        }
    }
}
