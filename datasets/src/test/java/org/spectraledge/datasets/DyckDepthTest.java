package org.spectraledge.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DyckDepthTest {

    @Test
    void depthsOfAHandWorkedExample() {
        // ( ( ) ( ) ) ( )  →  1 2 1 2 1 0 1 0
        assertArrayEquals(new int[] {1, 2, 1, 2, 1, 0, 1, 0}, DyckDepth.depths(DyckDepth.tokens("(()())()")));
        assertArrayEquals(new int[] {0, 0, 1, 0, 1, 1}, DyckDepth.tokens("(()())"));
        assertEquals("(()())", DyckDepth.text(new int[] {0, 0, 1, 0, 1, 1}));
    }

    @Test
    void rejectsUnbalancedOrForeignInput() {
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.depths(DyckDepth.tokens("())(")));
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.tokens("(a)"));
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.depths(new int[] {0, 2}));
    }

    @Test
    void completionCountsAreCatalanNumbers() {
        long[][] n = DyckDepth.completionCounts(DyckDepth.MAX_LENGTH);
        for (int half = 0; half <= DyckDepth.MAX_LENGTH / 2; half++) {
            // C(m) = binom(2m, m) / (m + 1)
            BigInteger binom = BigInteger.ONE;
            for (int i = 0; i < half; i++) {
                binom = binom.multiply(BigInteger.valueOf(2L * half - i)).divide(BigInteger.valueOf(i + 1L));
            }
            assertEquals(binom.divide(BigInteger.valueOf(half + 1L)).longValueExact(), n[2 * half][0], "m = " + half);
        }
    }

    @Test
    void defaultsGiveFiftyBalancedDistinctTrainingWords() {
        DyckDataset data = DyckDepth.builder().build();
        assertEquals(50, data.size(Split.TRAIN));
        assertEquals(1000, data.size(Split.TEST));
        assertEquals(24, data.length());
        assertEquals(2, data.inputVocabSize());
        assertEquals(13, data.outputVocabSize());
        Set<String> seen = new HashSet<>();
        for (Split split : Split.values()) {
            for (int i = 0; i < data.size(split); i++) {
                int[] word = data.inputs(split)[i];
                int[] depths = data.depths(split)[i];
                assertEquals(24, word.length);
                assertEquals(0, depths[23], "balanced words end at depth 0");
                int depth = 0;
                for (int j = 0; j < 24; j++) {
                    depth += word[j] == DyckDepth.OPEN ? 1 : -1;
                    assertTrue(depth >= 0);
                    assertEquals(depth, depths[j]);
                }
                assertTrue(seen.add(DyckDepth.text(word)), "duplicate word, train and test must be disjoint");
            }
        }
    }

    @Test
    void sameSeedSameWordsOtherSeedOtherWords() {
        DyckDataset a = DyckDepth.builder().optSeed(4).build();
        DyckDataset b = DyckDepth.builder().optSeed(4).build();
        DyckDataset c = DyckDepth.builder().optSeed(5).build();
        assertArrayEquals(a.trainInputs(), b.trainInputs());
        assertArrayEquals(a.testInputs(), b.testInputs());
        assertFalse(Arrays.deepEquals(a.trainInputs(), c.trainInputs()));
    }

    @Test
    void wordsAreUniformOverAllBalancedWords() {
        // length 10 has C(5) = 42 words; over 4,200 seeds the first training word should hit each
        // about 100 times. The 0.9999 chi-square quantile for 41 degrees of freedom is about 85.
        Map<String, Integer> counts = new HashMap<>();
        for (int seed = 0; seed < 4200; seed++) {
            DyckDataset data = DyckDepth.builder().optLength(10).optTrainSize(1).optTestSize(1).optSeed(seed).build();
            counts.merge(DyckDepth.text(data.trainInputs()[0]), 1, Integer::sum);
        }
        assertEquals(42, counts.size());
        double chi2 = 0;
        for (int c : counts.values()) {
            chi2 += (c - 100.0) * (c - 100.0) / 100.0;
        }
        assertTrue(chi2 < 85, "chi-square " + chi2 + ": " + counts);
    }

    @Test
    void canUseEveryWordOfAShortLength() {
        // C(4) = 14 words of length 8: all of them, split 10 + 4
        DyckDataset data = DyckDepth.builder().optLength(8).optTrainSize(10).optTestSize(4).build();
        Set<String> all = new HashSet<>();
        for (Split split : Split.values()) {
            for (int[] word : data.inputs(split)) {
                all.add(DyckDepth.text(word));
            }
        }
        assertEquals(14, all.size());
        var e = assertThrows(IllegalArgumentException.class,
                () -> DyckDepth.builder().optLength(8).optTrainSize(10).optTestSize(5).build());
        assertTrue(e.getMessage().contains("only 14"), e.getMessage());
    }

    @Test
    void previewShowsBracketsAndDepths() {
        DyckDataset data = DyckDepth.builder().optLength(4).optTrainSize(1).optTestSize(1).build();
        PreviewRow row = data.row(Split.TRAIN, 0);
        String expectedDepths = row.input().equals("(())") ? "1 2 1 0" : "1 0 1 0";
        assertEquals(expectedDepths, row.target());
        assertEquals(row.input() + " → " + expectedDepths, row.line());
    }

    @Test
    void badSettingsGiveClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.builder().optLength(7).build());
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.builder().optLength(0).build());
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.builder().optLength(62).build());
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.builder().optTrainSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> DyckDepth.builder().optTestSize(0).build());
    }
}
