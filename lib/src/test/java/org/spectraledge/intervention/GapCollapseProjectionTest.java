package org.spectraledge.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectraledge.capture.GroupWeights;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.datasets.SeededRandom;
import org.spectraledge.spectral.Spectrum;
import org.spectraledge.spectral.UpdateWindow;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.model.ParameterLayout;

/**
 * The collapse on a case with a known answer: windows X = Z·S·Eᵀ (Z a W×W rotation, S = diag(s), E orthonormal), whose
 * singular values are exactly s and whose directions are exactly E's columns. Collapsing position j of such a window and
 * applying it to a fresh window with the same S and E (another rotation Z') must give r_j = 1 and leave every other
 * ratio at s_i/s_{i+1}.
 */
class GapCollapseProjectionTest {
    private static final int W = 6, P = 40;
    private static final double[] S = {12, 7, 3, 2.5, 1.2, 0.5};

    @Test
    void collapsingPositionJMakesRjOneAndKeepsEveryOtherRatio() {
        double[][] e = orthonormalRows(W, P, 1);
        UpdateWindow before = window(rotation(2), e, S, null);
        Spectrum sb = Spectrum.of(before.gram().gram());
        assertArrayEquals(S, sb.sigma(), 1e-9, "the synthetic window has the singular values it was built with");
        for (int j = 1; j < W; j++) {
            GapCollapseProjection collapse = new GapCollapseProjection(j, before.directions(W - 1), sb.sigma());
            assertEquals(1 - S[j] / S[j - 1], collapse.shrink(), 1e-12);
            Spectrum after = Spectrum.of(window(rotation(3 + j), e, S, collapse).gram().gram());
            for (int i = 1; i < W; i++) {
                double expected = i == j ? 1 : S[i - 1] / S[i];
                assertEquals(expected, after.sigma(i) / after.sigma(i + 1), 1e-8, "r_" + i + " after collapsing j = " + j);
            }
        }
    }

    @Test
    void theProjectorRewritesEachStepsUpdateInTheModelsWeights() {
        double[][] e = orthonormalRows(W, P, 4);
        GapCollapseProjection collapse = new GapCollapseProjection(2, e, S);
        double[][] z = rotation(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            // the group is two tensors (P = 30 + 10) behind a tensor outside it
            List<NamedParameter> params = List.of(parameter(manager, "outside", 3), parameter(manager, "a", 30), parameter(manager, "b", 10));
            ParameterGroup.Selection group = ParameterGroup.glob("ab", List.of("a", "b"))
                    .resolve(ParameterLayout.builder().add("outside", 3).add("a", 30).add("b", 10).build());
            GroupWeights weights = new GroupWeights(params, group);
            UpdateProjector projector = new UpdateProjector(params, group, collapse);
            UpdateWindow realized = new UpdateWindow("ab", W, P);
            realized.pushSnapshot(VectorSource.of(weights.read()), 0);
            for (int t = 0; t < W; t++) {
                double[] theta = weights.read();
                double[] delta = row(z, t, e, S);
                for (int p = 0; p < P; p++) theta[p] += delta[p];
                weights.write(theta);                       // what the optimizer did
                projector.afterStep(new StepContext(t + 1, 0, 0, 0, params));
                realized.pushSnapshot(VectorSource.of(weights.read()), t + 1);
            }
            Spectrum s = Spectrum.of(realized.gram().gram());
            assertEquals(1, s.sigma(2) / s.sigma(3), 1e-4, "r_2 collapsed (float32 weights)");
            assertEquals(S[0] / S[1], s.sigma(1) / s.sigma(2), 1e-4, "r_1 kept");
            assertEquals(S[3] / S[4], s.sigma(4) / s.sigma(5), 1e-4, "r_4 kept");
            assertArrayEquals(new float[] {0, 0, 0}, params.get(0).parameter().getArray().toFloatArray(),
                    "tensors outside the group are not touched");
        }
    }

    @Test
    void badPositionsAreNamed() {
        double[][] e = orthonormalRows(W, P, 6);
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> new GapCollapseProjection(W, e, S));
        assertTrue(high.getMessage().contains("1.." + (W - 1)), high.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> new GapCollapseProjection(3, new double[][] {e[0]}, S));
        assertTrue(few.getMessage().contains("v_1…v_3"), few.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new GapCollapseProjection(1, e, new double[] {0, 0, 0}));
        assertTrue(zero.getMessage().contains("no gap"), zero.getMessage());
    }

    /** A window of W updates δ_t = Σ_i s_i z_{t,i} e_i, each collapsed first when {@code collapse} is given. */
    private static UpdateWindow window(double[][] z, double[][] e, double[] s, GapCollapseProjection collapse) {
        UpdateWindow w = new UpdateWindow("g", W, P);
        for (int t = 0; t < W; t++) {
            double[] delta = row(z, t, e, s);
            if (collapse != null) collapse.apply(delta);
            w.pushUpdate(VectorSource.of(delta), t + 1);
        }
        return w;
    }

    private static double[] row(double[][] z, int t, double[][] e, double[] s) {
        double[] delta = new double[P];
        for (int i = 0; i < W; i++) for (int p = 0; p < P; p++) delta[p] += s[i] * z[t][i] * e[i][p];
        return delta;
    }

    /** A random W×W orthogonal matrix (Gram–Schmidt of Gaussian rows). */
    private static double[][] rotation(long seed) {
        return orthonormalRows(W, W, seed);
    }

    private static double[][] orthonormalRows(int n, int p, long seed) {
        SeededRandom random = new SeededRandom(seed);
        double[][] q = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) q[i][k] = random.nextGaussian();
            for (int m = 0; m < i; m++) {
                double dot = 0;
                for (int k = 0; k < p; k++) dot += q[i][k] * q[m][k];
                for (int k = 0; k < p; k++) q[i][k] -= dot * q[m][k];
            }
            double norm = 0;
            for (int k = 0; k < p; k++) norm += q[i][k] * q[i][k];
            for (int k = 0; k < p; k++) q[i][k] /= Math.sqrt(norm);
        }
        return q;
    }

    private static NamedParameter parameter(NDManager manager, String name, int size) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(size))
                .optInitializer(new ConstantInitializer(0)).build();
        p.initialize(manager, DataType.FLOAT32);
        return new NamedParameter(name, p);
    }
}
