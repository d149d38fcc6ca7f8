package org.spectraledge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.SeededRandom;

class BootstrapTest {

    /** Standard normal values by Box–Muller from a seeded stream. */
    static double[] normals(SeededRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = ((r.nextLong() >>> 11) + 1) * 0x1.0p-53, u2 = (r.nextLong() >>> 11) * 0x1.0p-53;
            x[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return x;
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        double[] x = normals(new SeededRandom(5), 40);
        BootstrapInterval a = Bootstrap.withSeed(3).median(x).value(), b = Bootstrap.withSeed(3).median(x).value();
        assertEquals(a, b);
        assertNotEquals(a, Bootstrap.withSeed(4).median(x).value());
        assertEquals(2000, a.resamples());
        assertEquals(List.of(40), a.sampleSizes());
        assertEquals(Bootstrap.medianOf(x.clone()), a.estimate());
        assertTrue(a.contains(a.estimate()), a.toString());
        assertTrue(a.lower() < a.upper(), a.toString());
    }

    @Test
    void theMedianIntervalCoversTheTrueMedianAtAboutItsLevel() {
        SeededRandom data = new SeededRandom(2026);
        int covered = 0, trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] x = normals(data, 30);
            if (Bootstrap.withSeed(t).median(x).value().contains(0)) covered++;
        }
        assertTrue(covered >= 180 && covered <= 198, covered + " of " + trials + " intervals covered 0");
    }

    @Test
    void aGenericStatisticAndTheAucAreResampledToo() {
        double[] x = normals(new SeededRandom(9), 50);
        BootstrapInterval mean = new Bootstrap(3000, 0.9, 1).statistic("mean", x,
                v -> Arrays.stream(v).average().orElseThrow()).value();
        assertEquals(Arrays.stream(x).average().orElseThrow(), mean.estimate(), 1e-15);
        double halfWidth = (mean.upper() - mean.lower()) / 2;
        assertEquals(1.645 / Math.sqrt(50), halfWidth, 0.05, mean.toString()); // z_{0.95} σ/√n with σ ≈ 1

        double[] pos = normals(new SeededRandom(10), 20), neg = normals(new SeededRandom(11), 15);
        for (int i = 0; i < pos.length; i++) pos[i] += 1;
        BootstrapInterval auc = Bootstrap.withSeed(2).auc(pos, neg).value();
        assertEquals(Auc.of(pos, neg).value().value(), auc.estimate());
        assertEquals(List.of(20, 15), auc.sampleSizes());
        assertTrue(auc.lower() >= 0 && auc.upper() <= 1 && auc.contains(auc.estimate()), auc.toString());
        assertEquals(auc, Bootstrap.withSeed(2).auc(pos, neg).value());
    }

    @Test
    void percentilesInterpolateLikeNumpy() throws Exception {
        ScipyOracle.require();
        double[] sorted = normals(new SeededRandom(1), 37);
        Arrays.sort(sorted);
        double[] qs = {0, 0.025, 0.1, 0.5, 0.975, 1};
        JsonArray ans = ScipyOracle.answers("""
                x, qs = cases
                print(json.dumps([float(np.percentile(x, 100 * q)) for q in qs]))
                """, List.of(sorted, qs));
        for (int i = 0; i < qs.length; i++) {
            assertEquals(ans.get(i).getAsDouble(), Bootstrap.percentile(sorted, qs[i]), 1e-14, "q = " + qs[i]);
        }
    }

    @Test
    void tooFewValuesAreNotComputable() {
        assertFalse(Bootstrap.withSeed(1).median(new double[] {1}).isComputed());
        assertTrue(Bootstrap.withSeed(1).median(new double[0]).reason().contains("N = 0"));
        Estimate<BootstrapInterval> auc = Bootstrap.withSeed(1).auc(new double[] {1, 2}, new double[] {0});
        assertTrue(auc.reason().contains("n- = 1"), auc.reason());
        assertTrue(Bootstrap.withSeed(1).auc(new double[] {1, 2}, new double[0]).reason().contains("one class only"));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 0.95, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.withSeed(1).statistic("nan", new double[] {1, 2}, v -> Double.NaN));
    }
}
