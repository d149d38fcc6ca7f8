package org.spectraledge.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.train.model.ParameterLayout;
import org.spectraledge.platform.EngineConfig;
import org.spectraledge.platform.Engines;
import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.Objective;
import org.spectraledge.train.TensorSplit;
import org.spectraledge.stats.Correlation;
import org.spectraledge.stats.Ranks;

/**
 * On least squares, L(w) = mean((Xw − y)²), everything is known in closed form: H = (2/N)XᵀX so h(v) = (2/N)‖Xv‖²,
 * ∇L = (2/N)Xᵀ(Xw − y), and the ablated loss is L(w − ⟨w, v⟩v).
 */
class ModeProbeTest {
    private static final int N = 40, D = 6;

    private static final Objective SQUARED = new Objective() {
        @Override public NDArray loss(NDList output, NDArray labels) {
            NDArray r = output.singletonOrThrow().reshape(-1).sub(labels);
            return r.mul(r).mean();
        }
        @Override public long correct(NDList output, NDArray labels) { return 0; }
        @Override public long count(NDArray labels) { return labels.getShape().get(0); }
    };

    @Test
    void curvatureGradientAndAblationMatchTheClosedForms() {
        Engines.start(EngineConfig.builder().optIntraOpThreads(1).optInterOpThreads(1).build());
        SplittableRandom rnd = new SplittableRandom(4);
        float[] x = new float[N * D], y = new float[N];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        for (int i = 0; i < N; i++) y[i] = (float) (rnd.nextDouble() * 2 - 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear model = Linear.builder().setUnits(1).optBias(false).build();
            model.initialize(manager, DataType.FLOAT32, new Shape(1, D));
            NamedParameter weight = new NamedParameter("W", model.getParameters().get(0).getValue());
            TensorSplit data = new TensorSplit(new NDList(manager.create(x, new Shape(N, D))), manager.create(y));
            ParameterGroup.Selection all = ParameterGroup.all().resolve(ParameterLayout.builder().add("W", D).build());
            ModeProbe probe = new ModeProbe(model, List.of(weight), all, SQUARED);

            double[] w = probe.weights();
            double[] v = new double[D];
            double norm = 0;
            for (int i = 0; i < D; i++) { v[i] = rnd.nextDouble() - 0.5; norm += v[i] * v[i]; }
            for (int i = 0; i < D; i++) v[i] /= Math.sqrt(norm);

            double xv2 = 0, gradDot = 0;
            double[] residual = new double[N];
            for (int n = 0; n < N; n++) {
                double xvn = 0, xwn = 0;
                for (int i = 0; i < D; i++) { xvn += x[n * D + i] * v[i]; xwn += x[n * D + i] * w[i]; }
                xv2 += xvn * xvn;
                residual[n] = xwn - y[n];
                gradDot += 2.0 / N * residual[n] * xvn;
            }
            assertEquals(2.0 / N * xv2, probe.curvature(v, 0.05, data), 1e-3 * (2.0 / N * xv2));
            assertEquals(gradDot, probe.gradientProjection(v, data), 1e-5);

            double c = 0;
            for (int i = 0; i < D; i++) c += w[i] * v[i];
            double before = 0, after = 0;
            for (int n = 0; n < N; n++) {
                double xv = 0;
                for (int i = 0; i < D; i++) xv += x[n * D + i] * v[i];
                before += residual[n] * residual[n] / N;
                after += (residual[n] - c * xv) * (residual[n] - c * xv) / N;
            }
            assertEquals(after - before, probe.ablationDelta(v, data), 1e-5);
            assertArrayEquals(w, probe.weights(), 0, "every probe restores the weights exactly");

            ModeProbe.Decomposition dec = probe.decompose(new double[][] {v, unit(D, 0), unit(D, 1)}, new double[] {1, 0.5, 0.2},
                    0.05, data, data);
            assertEquals(3, dec.modes().size());
            assertEquals(dec.modes().get(0).alpha() * dec.modes().get(0).gradTrain() * dec.modes().get(0).gradVal(),
                    dec.modes().get(0).importance(), 1e-12);
            assertTrue(dec.pearson() >= -1 && dec.pearson() <= 1);
        }
    }

    @Test
    void krylovBoundCountsModesAboveOneOverEtaW() {
        assertEquals(2, ModeProbe.krylovBound(new double[] {150, 100, 99.9, 3}, 1e-3, 10));
    }

    @Test
    void correlationsAgreeWithHandComputedValues() {
        assertEquals(1, Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-15);
        assertEquals(-1, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 5, 1, 0}), 1e-15);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, Ranks.midranks(new double[] {2, 2, 7}), 0);
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1}, new double[] {1, 2})));
    }

    private static double[] unit(int d, int i) {
        double[] e = new double[d];
        e[i] = 1;
        return e;
    }
}
