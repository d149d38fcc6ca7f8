package org.spectraledge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void cdfTailAndQuantileMatchScipy() throws Exception {
        ScipyOracle.require();
        List<Double> z = new ArrayList<>();
        for (double v = -38; v <= 38; v += 0.37) z.add(v);
        z.addAll(List.of(0.0, 1e-8, -1e-8, 0.5, 1.0, 1.4142135623730951, 1.959963984540054, 8.0, 30.0));
        List<Double> p = List.of(1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999,
                1 - 1e-8);
        JsonArray ans = ScipyOracle.answers("""
                z, p = cases
                print(json.dumps([[float(stats.norm.cdf(v)) for v in z], [float(stats.norm.sf(v)) for v in z],
                                  [float(stats.norm.ppf(q)) for q in p]]))
                """, List.of(z, p));
        for (int i = 0; i < z.size(); i++) {
            double v = z.get(i);
            double tol = 1e-13 * Math.max(1, v * v / 10); // e^{−z²/2} is itself that sensitive to the rounding of z
            assertRelative(ans.get(0).getAsJsonArray().get(i).getAsDouble(), Normal.cdf(v), tol, "cdf(" + v + ")");
            assertRelative(ans.get(1).getAsJsonArray().get(i).getAsDouble(), Normal.sf(v), tol, "sf(" + v + ")");
        }
        for (int i = 0; i < p.size(); i++) {
            // near p = 1 the input 1 − p itself carries the rounding; the quantile is as exact as its argument
            double tol = p.get(i) > 0.99 ? 1e-8 : 1e-13;
            assertRelative(ans.get(2).getAsJsonArray().get(i).getAsDouble(), Normal.quantile(p.get(i)), tol,
                    "ppf(" + p.get(i) + ")");
        }
    }

    @Test
    void quantileRejectsProbabilitiesOutsideTheOpenUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(0));
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1));
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(Double.NaN));
    }

    static void assertRelative(double expected, double actual, double rtol, String what) {
        if (expected == actual) return;
        if (Math.abs(expected) < 1e-300) { // subnormal: only absolute agreement means anything
            assertEquals(expected, actual, 1e-305, what);
            return;
        }
        double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        if (!(err <= rtol)) {
            assertEquals(expected, actual, rtol * Math.abs(expected), what + " relative error " + err);
        }
    }
}
