package org.spectraledge.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SparseParityTest {

    @Test
    void labelsAreTheParityOfTheRelevantBits() {
        ParityDataset data = SparseParity.builder().optBits(20).optRelevant(4).optSeed(8).build();
        assertEquals(4, data.relevant().length);
        long mask = 0;
        for (int i : data.relevant()) {
            assertTrue(i >= 0 && i < 20);
            mask |= 1L << i;
        }
        assertEquals(4, Long.bitCount(mask), "relevant bits must be distinct");
        for (Split split : Split.values()) {
            for (int r = 0; r < data.size(split); r++) {
                long x = 0;
                for (int j = 0; j < 20; j++) {
                    x |= (long) data.inputs(split)[r][j] << j;
                }
                // oracle: popcount of the masked word, mod 2
                assertEquals(Long.bitCount(x & mask) % 2, data.labels(split)[r]);
            }
        }
    }

    @Test
    void handWorkedParity() {
        assertEquals(0, SparseParity.parity(new int[] {1, 0, 1, 1}, new int[] {0, 2}));
        assertEquals(1, SparseParity.parity(new int[] {1, 0, 1, 1}, new int[] {0, 1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> SparseParity.parity(new int[] {2, 0}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> SparseParity.parity(new int[] {1, 0}, new int[] {2}));
    }

    @Test
    void defaultsAndDisjointParts() {
        ParityDataset data = SparseParity.builder().build();
        assertEquals(40, data.bits());
        assertEquals(3, data.relevant().length);
        assertEquals(1000, data.size(Split.TRAIN));
        assertEquals(1000, data.size(Split.TEST));
        assertEquals(2, data.inputVocabSize());
        assertEquals(2, data.outputVocabSize());
        Set<String> seen = new HashSet<>();
        int ones = 0;
        for (Split split : Split.values()) {
            for (int[] x : data.inputs(split)) {
                assertTrue(seen.add(Arrays.toString(x)), "duplicate example");
            }
            ones += Arrays.stream(data.labels(split)).sum();
        }
        // labels are balanced coin flips: 2,000 of them land within 4.5 σ (≈ 100) of 1,000
        assertTrue(Math.abs(ones - 1000) < 100, "ones " + ones);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherRelevantBits() {
        ParityDataset a = SparseParity.builder().optSeed(1).build();
        ParityDataset b = SparseParity.builder().optSeed(1).build();
        assertArrayEquals(a.relevant(), b.relevant());
        assertArrayEquals(a.trainInputs(), b.trainInputs());
        assertArrayEquals(a.testLabels(), b.testLabels());
        Set<String> subsets = new HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            subsets.add(Arrays.toString(SparseParity.builder().optSeed(seed).optTrainSize(1).optTestSize(1)
                    .build().relevant()));
        }
        assertTrue(subsets.size() > 5, "relevant bits should vary with the seed: " + subsets);
        assertFalse(Arrays.deepEquals(a.trainInputs(), SparseParity.builder().optSeed(2).build().trainInputs()));
    }

    @Test
    void previewShowsBitsAndParity() {
        ParityDataset data = SparseParity.builder().optBits(5).optRelevant(2).optTrainSize(3).optTestSize(3).build();
        PreviewRow row = data.row(Split.TRAIN, 1);
        int[] x = data.trainInputs()[1];
        StringBuilder bits = new StringBuilder();
        for (int b : x) {
            bits.append(b);
        }
        assertEquals(bits.toString(), row.input());
        assertEquals(Integer.toString(data.trainLabels()[1]), row.target());
        assertTrue(row.line().endsWith("(parity of bits " + data.relevant()[0] + ", " + data.relevant()[1] + ")"),
                row.line());
    }

    @Test
    void badSettingsGiveClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> SparseParity.builder().optBits(0).build());
        assertThrows(IllegalArgumentException.class, () -> SparseParity.builder().optBits(63).build());
        assertThrows(IllegalArgumentException.class, () -> SparseParity.builder().optBits(5).optRelevant(6).build());
        assertThrows(IllegalArgumentException.class, () -> SparseParity.builder().optRelevant(0).build());
        var e = assertThrows(IllegalArgumentException.class,
                () -> SparseParity.builder().optBits(4).optRelevant(2).optTrainSize(10).optTestSize(7).build());
        assertTrue(e.getMessage().contains("2^4 = 16"), e.getMessage());
    }
}
