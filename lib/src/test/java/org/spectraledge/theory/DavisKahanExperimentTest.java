package org.spectraledge.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.testing.Python;

/** Davis–Kahan (framework §4): measured subspace rotation against a closed form, scipy, and the bound. */
class DavisKahanExperimentTest {

    @Test
    void twoByTwoRotationHasTheClosedForm() {
        double l1 = 5, l2 = 2, e = 0.4;
        double[][] g = {{l1, 0}, {0, l2}};
        double[][] h = {{l1, e}, {e, l2}};
        double theta = 0.5 * Math.atan2(2 * e, l1 - l2);
        assertEquals(Math.sin(theta), DavisKahanExperiment.largestPrincipalSine(g, h, 1), 1e-12);
    }

    @Test
    void principalSineMatchesScipySubspaceAngles() throws Exception {
        Python.require("numpy", "scipy");
        SeededRandom rnd = new SeededRandom(8);
        double[][] g = DavisKahanExperiment.builder().setEigenvalues(9, 6, 4, 1, 0.5, 0.1)
                .setPerturbationNorms(1).build().gram();
        double[][] e = RandomVectors.symmetric(rnd, 6, 1.5);
        double[][] h = new double[6][6];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) h[i][j] = g[i][j] + e[i][j];
        String out = Python.check(String.join("\n",
                "import sys, json, numpy as np",
                "from scipy.linalg import subspace_angles",
                "G = np.array(json.loads(sys.argv[1])); H = np.array(json.loads(sys.argv[2]))",
                "for k in (1, 2, 3):",
                "    u = np.linalg.eigh(G)[1][:, ::-1][:, :k]; v = np.linalg.eigh(H)[1][:, ::-1][:, :k]",
                "    print(repr(float(np.sin(np.max(subspace_angles(u, v))))))"), List.of(json(g), json(h)));
        String[] lines = out.strip().split("\n");
        for (int k = 1; k <= 3; k++) {
            assertEquals(Double.parseDouble(lines[k - 1]), DavisKahanExperiment.largestPrincipalSine(g, h, k), 1e-9, "k = " + k);
        }
    }

    @Test
    void rotationStaysUnderTheBoundAndGrowsWithThePerturbation() {
        double[] norms = {0.01, 0.05, 0.2, 1, 4};
        for (int k : new int[] {1, 2}) {
            List<DavisKahanPoint> pts = DavisKahanExperiment.builder().setEigenvalues(10, 6, 3, 2.5, 1, 0.2)
                    .optSubspace(k).setPerturbationNorms(norms).optTrials(40).optSeed(k).build().run();
            assertEquals(norms.length * 40, pts.size());
            double delta = k == 1 ? 4 : 3;
            for (DavisKahanPoint p : pts) {
                assertEquals(delta, p.eigengap(), 1e-9);
                assertTrue(p.sinTheta() <= p.guaranteedBound() + 1e-12, "Yu–Wang–Samworth bound is a theorem");
                if (p.perturbationNorm() <= delta / 10) assertFalse(p.violatesBound(), "small perturbations obey framework's bound");
            }
            double previous = -1;
            for (double norm : norms) {
                double mean = pts.stream().filter(p -> p.perturbationNorm() == norm).mapToDouble(DavisKahanPoint::sinTheta).average().orElseThrow();
                assertTrue(mean > previous, "mean rotation grows with ‖ΔG‖");
                previous = mean;
            }
        }
    }

    @Test
    void aDegenerateSubspaceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DavisKahanExperiment.builder().setEigenvalues(3, 2, 2, 1).optSubspace(2).setPerturbationNorms(1).build());
        assertTrue(e.getMessage().contains("no gap"), e.getMessage());
    }

    private static String json(double[][] m) {
        return List.of(m).stream().map(r -> java.util.Arrays.stream(r).mapToObj(Double::toString)
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(",", "[", "]"));
    }
}
