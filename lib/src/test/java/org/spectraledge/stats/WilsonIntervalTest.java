package org.spectraledge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void matchesTheClosedFormComputedInPython() throws Exception {
        ScipyOracle.require();
        List<double[]> cases = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 5, 10, 24, 100, 1000}) {
            for (int k = 0; k <= n; k += Math.max(1, n / 7)) {
                for (double c : new double[] {0.9, 0.95, 0.99}) cases.add(new double[] {k, n, c});
            }
            cases.add(new double[] {n, n, 0.95});
        }
        JsonArray ans = ScipyOracle.answers("""
                out = []
                for k, n, c in cases:
                    z = stats.norm.ppf(1 - (1 - c) / 2)
                    p = k / n
                    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
                    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
                    out.append([centre - half, centre + half])
                print(json.dumps(out))
                """, cases);
        for (int i = 0; i < cases.size(); i++) {
            double[] c = cases.get(i);
            WilsonInterval w = WilsonInterval.of((int) c[0], (int) c[1], c[2]).value();
            String what = "k = " + (int) c[0] + ", n = " + (int) c[1] + ", c = " + c[2];
            assertEquals(Math.max(0, ans.get(i).getAsJsonArray().get(0).getAsDouble()), w.lower(), 1e-12, what);
            assertEquals(Math.min(1, ans.get(i).getAsJsonArray().get(1).getAsDouble()), w.upper(), 1e-12, what);
            assertEquals(c[0] / c[1], w.estimate(), 0, what);
        }
    }

    @Test
    void boundsAreExactAtZeroAndAllSuccesses() {
        WilsonInterval none = WilsonInterval.of(0, 12).value();
        assertEquals(0, none.lower());
        assertTrue(none.upper() > 0.2 && none.upper() < 0.3, none.toString()); // 0.2425
        WilsonInterval all = WilsonInterval.of(12, 12).value();
        assertEquals(1, all.upper());
        assertEquals(1 - none.upper(), all.lower(), 1e-12);
        WilsonInterval one = WilsonInterval.of(1, 1).value();
        assertEquals(1, one.upper());
        assertTrue(one.lower() > 0.2 && one.lower() < 0.21, one.toString()); // 1/(1 + z²) = 0.2065
    }

    @Test
    void noTrialsIsNotComputable() {
        Estimate<WilsonInterval> e = WilsonInterval.of(0, 0);
        assertFalse(e.isComputed());
        assertTrue(e.reason().contains("N = 0"), e.reason());
        assertTrue(e.describe(Object::toString).startsWith("not computable: "));
        assertThrows(IllegalStateException.class, e::value);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 2, 95));
    }
}
