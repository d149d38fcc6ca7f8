package org.spectraledge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.SeededRandom;

class MannWhitneyTest {

    /** Random samples of many sizes, continuous (no ties) and rounded (ties), shifted or not. */
    static List<double[][]> randomCases() {
        List<double[][]> cases = new ArrayList<>();
        int[][] sizes = {{1, 1}, {1, 5}, {2, 2}, {3, 7}, {5, 5}, {8, 8}, {8, 30}, {9, 9}, {12, 20}, {30, 45}, {4, 60}};
        for (long seed : new long[] {11, 12, 13}) {
            SeededRandom r = new SeededRandom(seed);
            for (int[] s : sizes) {
                for (boolean tied : new boolean[] {false, true}) {
                    double shift = r.nextInt(3) * 0.5;
                    double[] x = sample(r, s[0], shift, tied), y = sample(r, s[1], 0, tied);
                    cases.add(new double[][] {x, y});
                }
            }
        }
        return cases;
    }

    static double[] sample(SeededRandom r, int n, double shift, boolean tied) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = (r.nextLong() >>> 11) * 0x1.0p-53 + shift;
            x[i] = tied ? Math.floor(u * 4) : u;
        }
        return x;
    }

    @Test
    void matchesScipyAutoExactAndAsymptotic() throws Exception {
        ScipyOracle.require();
        List<double[][]> cases = randomCases();
        cases.add(new double[][] {{1, 2, 3}, {4, 5, 6}});
        cases.add(new double[][] {{1, 1, 2}, {2, 3, 3, 3}});
        JsonArray ans = ScipyOracle.answers("""
                out = []
                for x, y in cases:
                    row = []
                    for m in ['auto', 'exact', 'asymptotic']:
                        r = stats.mannwhitneyu(x, y, alternative='two-sided', use_continuity=True, method=m)
                        row.append([float(r.statistic), float(r.pvalue)])
                    xy = np.concatenate([x, y])
                    row.append(bool(min(len(x), len(y)) <= 8 and len(np.unique(xy)) == len(xy)))
                    out.append(row)
                print(json.dumps(out))
                """, cases);
        int exact = 0;
        for (int i = 0; i < cases.size(); i++) {
            double[] x = cases.get(i)[0], y = cases.get(i)[1];
            JsonArray row = ans.get(i).getAsJsonArray();
            boolean expectExact = row.get(3).getAsBoolean();
            if (Arrays.stream(Ranks.concat(x, y)).distinct().count() == 1) { // scipy: p = 1 from s = 0; here: undefined
                assertFalse(MannWhitney.test(x, y).isComputed());
                continue;
            }
            MannWhitney auto = MannWhitney.test(x, y).value();
            String what = "case " + i + ": n1 = " + x.length + ", n2 = " + y.length;
            assertEquals(expectExact ? MannWhitney.Method.EXACT : MannWhitney.Method.ASYMPTOTIC, auto.method(), what);
            assertEquals(row.get(0).getAsJsonArray().get(0).getAsDouble(), auto.u(), 1e-9, what);
            assertEquals(row.get(0).getAsJsonArray().get(1).getAsDouble(), auto.pValue(), 1e-12, what + " auto");
            MannWhitney asym = MannWhitney.test(x, y, MannWhitney.Method.ASYMPTOTIC).value();
            NormalTest.assertRelative(row.get(2).getAsJsonArray().get(1).getAsDouble(), asym.pValue(), 1e-10, what + " asymptotic");
            if (!Ranks.hasTies(Ranks.concat(x, y))) {
                exact++;
                MannWhitney ex = MannWhitney.test(x, y, MannWhitney.Method.EXACT).value();
                NormalTest.assertRelative(row.get(1).getAsJsonArray().get(1).getAsDouble(), ex.pValue(), 1e-10, what + " exact");
            }
        }
        assertTrue(exact > 10, "the cases must exercise the exact distribution");
    }

    @Test
    void exactAtExtremesIsTwoOverTheNumberOfOrderings() {
        // complete separation of 4 and 4 values: p = 2 / C(8, 4) = 2/70
        MannWhitney m = MannWhitney.test(new double[] {5, 6, 7, 8}, new double[] {1, 2, 3, 4}).value();
        assertEquals(16, m.u());
        assertEquals(2.0 / 70, m.pValue(), 1e-15);
    }

    @Test
    void emptySamplesAndAllEqualValuesAreNotComputable() {
        Estimate<MannWhitney> empty = MannWhitney.test(new double[0], new double[] {1, 2});
        assertFalse(empty.isComputed());
        assertTrue(empty.reason().contains("empty"), empty.reason());
        Estimate<MannWhitney> equal = MannWhitney.test(new double[] {3, 3}, new double[] {3, 3, 3});
        assertFalse(equal.isComputed());
        assertTrue(equal.reason().contains("equal"), equal.reason());
        Estimate<MannWhitney> exactTied = MannWhitney.test(new double[] {1, 2}, new double[] {2, 3}, MannWhitney.Method.EXACT);
        assertFalse(exactTied.isComputed());
        // one value each, different: exact, p = 1
        MannWhitney one = MannWhitney.test(new double[] {1}, new double[] {2}).value();
        assertEquals(MannWhitney.Method.EXACT, one.method());
        assertEquals(1.0, one.pValue());
    }
}
