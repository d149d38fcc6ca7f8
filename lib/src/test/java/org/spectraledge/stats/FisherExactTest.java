package org.spectraledge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.SeededRandom;

class FisherExactTest {

    @Test
    void matchesScipyOnRandomAndEdgeTables() throws Exception {
        ScipyOracle.require();
        List<int[]> tables = new ArrayList<>(List.of(
                new int[] {8, 2, 1, 5}, new int[] {3, 2, 2, 3}, new int[] {5, 0, 0, 5}, new int[] {0, 5, 5, 0},
                new int[] {1, 0, 0, 1}, new int[] {0, 3, 2, 4}, new int[] {4, 3, 0, 2}, new int[] {24, 0, 1, 23},
                new int[] {10, 10, 10, 10}, new int[] {1, 9, 11, 3}, new int[] {0, 1, 1, 0}, new int[] {7, 0, 3, 0 + 1},
                new int[] {100, 95, 90, 120}, new int[] {2, 7, 8, 2}, new int[] {6, 6, 6, 7}));
        for (long seed : new long[] {1, 2, 3, 4}) {
            SeededRandom r = new SeededRandom(seed);
            int max = (int) (5 * seed * seed);
            for (int i = 0; i < 25; i++) {
                int[] t = {r.nextInt(max + 1), r.nextInt(max + 1), r.nextInt(max + 1), r.nextInt(max + 1)};
                if (t[0] + t[1] > 0 && t[2] + t[3] > 0 && t[0] + t[2] > 0 && t[1] + t[3] > 0) tables.add(t);
            }
        }
        JsonArray ans = ScipyOracle.answers("""
                out = []
                for a, b, c, d in cases:
                    odds, p = stats.fisher_exact([[a, b], [c, d]])
                    out.append([str(float(odds)), float(p)])
                print(json.dumps(out))
                """, tables);
        for (int i = 0; i < tables.size(); i++) {
            int[] t = tables.get(i);
            FisherExact f = FisherExact.test(t[0], t[1], t[2], t[3]).value();
            String what = java.util.Arrays.toString(t);
            double odds = Double.parseDouble(ans.get(i).getAsJsonArray().get(0).getAsString().replace("inf", "Infinity"));
            assertEquals(odds, f.oddsRatio(), 1e-12 * Math.max(1, odds), what);
            assertEquals(ans.get(i).getAsJsonArray().get(1).getAsDouble(), f.pValue(), 1e-12, what);
        }
    }

    @Test
    void symmetricTablesGiveOneAndTheKnownValue() {
        assertEquals(1.0, FisherExact.test(3, 2, 2, 3).value().pValue(), 1e-15);
        // the scipy documentation's whale table
        assertEquals(0.0349650, FisherExact.test(8, 2, 1, 5).value().pValue(), 1e-7);
        assertEquals(Double.POSITIVE_INFINITY, FisherExact.test(5, 0, 0, 5).value().oddsRatio());
        assertEquals(0, FisherExact.test(0, 5, 5, 0).value().oddsRatio());
    }

    @Test
    void anEmptyRowOrColumnIsNotComputable() {
        for (int[] t : new int[][] {{0, 0, 3, 4}, {3, 4, 0, 0}, {0, 3, 0, 4}, {3, 0, 4, 0}, {0, 0, 0, 0}}) {
            Estimate<FisherExact> f = FisherExact.test(t[0], t[1], t[2], t[3]);
            assertFalse(f.isComputed());
            assertTrue(f.reason().contains("empty"), f.reason());
        }
        assertThrows(IllegalArgumentException.class, () -> FisherExact.test(-1, 2, 3, 4));
    }
}
