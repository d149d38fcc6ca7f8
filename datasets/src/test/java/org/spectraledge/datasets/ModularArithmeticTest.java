package org.spectraledge.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModularArithmeticTest {

    private static ModularDataset build(ModularOp op, int p, double frac, long seed) {
        return ModularArithmetic.builder().setOp(op).setP(p).optTrainFraction(frac).optSeed(seed).build();
    }

    /** The direct formula with exact integers, independent of ModularOp's long arithmetic. */
    private static int oracle(ModularOp op, int a, int b, int p) {
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        BigInteger m = BigInteger.valueOf(p);
        BigInteger r = switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.subtract(y);
            case MUL -> x.multiply(y);
            case DIV -> x.multiply(y.modInverse(m));
            case DIV_ODD -> b % 2 == 1 ? x.multiply(y.modInverse(m)) : x.subtract(y);
            case SQ_SUM -> x.pow(2).add(y.pow(2));
            case QUAD -> x.pow(2).add(x.multiply(y)).add(y.pow(2));
            case QUAD_A -> x.pow(2).add(x.multiply(y)).add(y.pow(2)).add(x);
            case CUBE -> x.pow(3).add(x.multiply(y));
            case CUBE_AB2 -> x.pow(3).add(x.multiply(y.pow(2))).add(y);
        };
        return r.mod(m).intValueExact();
    }

    @ParameterizedTest
    @EnumSource(ModularOp.class)
    void everyLabelMatchesTheDirectFormula(ModularOp op) {
        int p = 59;
        ModularDataset data = build(op, p, 0.5, 1);
        for (Split split : Split.values()) {
            for (int i = 0; i < data.size(split); i++) {
                int[] t = data.inputs(split)[i];
                assertEquals(oracle(op, t[0], t[1], p), data.labels(split)[i], op + " on " + t[0] + ", " + t[1]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ModularOp.class)
    void trainAndTestPartitionAllDefinedPairs(ModularOp op) {
        int p = 23;
        ModularDataset data = build(op, p, 0.3, 5);
        int expected = op == ModularOp.DIV ? p * (p - 1) : p * p;
        assertEquals(expected, op.pairCount(p));
        assertEquals(expected, data.size(Split.TRAIN) + data.size(Split.TEST));
        assertEquals(Math.round(0.3 * expected), data.size(Split.TRAIN));
        Set<Integer> train = new HashSet<>();
        for (int[] t : data.trainInputs()) {
            assertTrue(train.add(t[0] * p + t[1]), "duplicate train pair");
        }
        Set<Integer> all = new HashSet<>(train);
        for (int[] t : data.testInputs()) {
            assertFalse(train.contains(t[0] * p + t[1]), "pair in train and test");
            assertTrue(all.add(t[0] * p + t[1]), "duplicate test pair");
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                assertEquals(!(op == ModularOp.DIV && b == 0), all.contains(a * p + b), "pair " + a + ", " + b);
            }
        }
    }

    @Test
    void divisionUndoesMultiplication() {
        int p = 97;
        ModularDataset data = build(ModularOp.DIV, p, 0.5, 2);
        for (Split split : Split.values()) {
            for (int i = 0; i < data.size(split); i++) {
                int a = data.inputs(split)[i][0];
                int b = data.inputs(split)[i][1];
                // (a · b⁻¹) · b ≡ a
                assertEquals(a, (int) ((long) data.labels(split)[i] * b % p));
            }
        }
    }

    @Test
    void inverseMatchesBigIntegerAndIsPrimeMatchesBigInteger() {
        for (int p = 2; p < 300; p++) {
            assertEquals(BigInteger.valueOf(p).isProbablePrime(50), ModularArithmetic.isPrime(p), "p = " + p);
            if (ModularArithmetic.isPrime(p)) {
                for (int b = 1; b < p; b++) {
                    assertEquals(BigInteger.valueOf(b).modInverse(BigInteger.valueOf(p)).intValue(),
                            ModularArithmetic.inverse(b, p));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ModularArithmetic.inverse(4, 6));
        assertThrows(IllegalArgumentException.class, () -> ModularArithmetic.inverse(0, 7));
    }

    @Test
    void sameSeedSameDatasetOtherSeedOtherSplit() {
        ModularDataset a = build(ModularOp.ADD, 31, 0.5, 11);
        ModularDataset b = build(ModularOp.ADD, 31, 0.5, 11);
        ModularDataset c = build(ModularOp.ADD, 31, 0.5, 12);
        assertArrayEquals(a.trainInputs(), b.trainInputs());
        assertArrayEquals(a.trainLabels(), b.trainLabels());
        assertArrayEquals(a.testInputs(), b.testInputs());
        assertArrayEquals(a.testLabels(), b.testLabels());
        assertFalse(java.util.Arrays.deepEquals(a.trainInputs(), c.trainInputs()));
    }

    @Test
    void layoutsPlaceOperandsAndSymbols() {
        int p = 13;
        for (ModularLayout layout : ModularLayout.values()) {
            ModularDataset data = ModularArithmetic.builder().setOp(ModularOp.SUB).setP(p).optLayout(layout).build();
            assertEquals(layout.vocabSize(p), data.inputVocabSize());
            assertEquals(p, data.outputVocabSize());
            for (int i = 0; i < data.size(Split.TRAIN); i++) {
                int[] t = data.trainInputs()[i];
                assertEquals(layout.length(), t.length);
                for (int id : t) {
                    assertTrue(id >= 0 && id < data.inputVocabSize());
                }
                int a = layout.a(t);
                int b = layout.b(t);
                assertEquals(Math.floorMod(a - b, p), data.trainLabels()[i]);
            }
        }
        assertArrayEquals(new int[] {3, 5}, ModularLayout.PAIR.encode(3, 5, p));
        assertArrayEquals(new int[] {3, 5, 13}, ModularLayout.PAIR_EQUALS.encode(3, 5, p));
        assertArrayEquals(new int[] {3, 13, 5, 14}, ModularLayout.OP_EQUALS.encode(3, 5, p));
    }

    @Test
    void previewReadsLikeAnEquation() {
        assertEquals("3 + 5 = 8 (mod 59)", ModularOp.ADD.describe(3, 5, 59));
        assertEquals("3 − 5 = 57 (mod 59)", ModularOp.SUB.describe(3, 5, 59));
        assertEquals("2 / 3 = 3 (mod 7)", ModularOp.DIV.describe(2, 3, 7));
        assertEquals("2³ + 2·3 = 0 (mod 7)", ModularOp.CUBE.describe(2, 3, 7));
        ModularDataset data = build(ModularOp.ADD, 59, 0.5, 0);
        List<PreviewRow> rows = data.preview(3);
        assertEquals(6, rows.size());
        PreviewRow first = rows.get(0);
        int a = data.trainInputs()[0][0];
        int b = data.trainInputs()[0][1];
        assertEquals(Split.TRAIN, first.split());
        assertEquals(a + " + " + b, first.input());
        assertEquals(Integer.toString((a + b) % 59), first.target());
        assertEquals(a + " + " + b + " = " + (a + b) % 59 + " (mod 59)", first.line());
        assertEquals(Split.TEST, rows.get(3).split());
    }

    @Test
    void badSettingsGiveClearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> build(ModularOp.DIV, 60, 0.5, 0));
        assertTrue(e.getMessage().contains("not prime") && e.getMessage().contains("59 or 61"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> build(ModularOp.DIV_ODD, 9, 0.5, 0));
        for (double frac : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            var f = assertThrows(IllegalArgumentException.class, () -> build(ModularOp.ADD, 59, frac, 0));
            assertTrue(f.getMessage().contains("train fraction"), f.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> build(ModularOp.ADD, 1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> build(ModularOp.ADD, ModularArithmetic.MAX_P + 1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> ModularArithmetic.builder().setP(7).build());
        assertThrows(IllegalArgumentException.class, () -> ModularArithmetic.builder().setOp(ModularOp.ADD).build());
        assertThrows(IllegalArgumentException.class, () -> ModularOp.DIV.apply(3, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> ModularOp.ADD.apply(7, 0, 7));
        var g = assertThrows(IllegalArgumentException.class, () -> ModularOp.parse("pow"));
        assertTrue(g.getMessage().contains("sq_sum") && g.getMessage().contains("cube_ab2"), g.getMessage());
        assertEquals(ModularOp.QUAD_A, ModularOp.parse("quad_a"));
    }
}
