package org.spectraledge.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.spectral.SpectralAnalyzer;
import org.spectraledge.spectral.UpdateWindow;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.StepContext;

/**
 * The capture pushes updates on a background thread, in batches, but must behave as if it did everything inline: the
 * same results in the same order (oracle: a one-at-a-time window fed the same snapshots, analyzed inline), sinks called
 * on the training thread and background sinks on the capture's, a NaN rejected at its own step, and a failure in the background reported once.
 */
class UpdateCaptureTest {

    private static final int W = 4;

    @Test
    void backgroundPushesGiveTheInlineResultsInOrderOnTheCallingThread() {
        SplittableRandom rnd = new SplittableRandom(11);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] w = new float[6 * 5], b = new float[5];
            List<NamedParameter> params = parameters(manager, w, b);
            AnalysisConfig config = AnalysisConfig.builder().optWindow(W).optLearningRate(0.01).build();
            UpdateWindow oracle = new UpdateWindow("all", W, w.length + b.length);
            SpectralAnalyzer oracleAnalyzer = new SpectralAnalyzer(config, w.length + b.length);
            List<WindowResult> expected = new ArrayList<>();
            List<WindowResult> seen = new ArrayList<>();
            List<Thread> sinkThreads = new ArrayList<>();
            try (UpdateCapture capture = new UpdateCapture(params, List.of(ParameterGroup.all()), 1, config)) {
                capture.addSink((group, r) -> {
                    seen.add(r);
                    sinkThreads.add(Thread.currentThread());
                });
                List<WindowResult> seenInBackground = new ArrayList<>();
                List<Thread> backgroundThreads = new ArrayList<>();
                capture.addBackgroundSink((group, r) -> {
                    seenInBackground.add(r);
                    backgroundThreads.add(Thread.currentThread());
                });
                for (int step = 0; step <= 25; step++) {
                    for (int i = 0; i < w.length; i++) w[i] += (float) (rnd.nextDouble() - 0.4);
                    for (int i = 0; i < b.length; i++) b[i] += (float) (0.1 * rnd.nextDouble());
                    set(params, manager, w, b);
                    if (step == 0) capture.start(params, 0);
                    else capture.afterStep(new StepContext(step, 1, 1, 0.01, params));
                    float[] theta = new float[w.length + b.length];
                    System.arraycopy(w, 0, theta, 0, w.length);
                    System.arraycopy(b, 0, theta, w.length, b.length);
                    if (oracle.pushSnapshot(VectorSource.of(theta), step)) {
                        oracleAnalyzer.analyze(oracle.gram()).ifPresent(expected::add);
                    }
                }
                List<WindowResult> results = capture.results("all"); // drains
                assertEquals(expected.size(), results.size());
                assertEquals(results, seen, "every result reached the sink, in order");
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).step(), results.get(i).step());
                    assertArrayEquals(expected.get(i).spectrum().sigma(), results.get(i).spectrum().sigma(), 1e-9);
                    assertEquals(expected.get(i).kStar(), results.get(i).kStar());
                }
                for (Thread t : sinkThreads) assertSame(Thread.currentThread(), t, "sinks run on the training thread");
                assertEquals(results, seenInBackground, "the background sinks saw every result, in order");
                for (Thread t : backgroundThreads) assertEquals("update-capture", t.getName(), "background sinks run on the capture's thread");
                assertTrue(capture.backgroundSeconds() > 0);
            }
        }
    }

    @Test
    void nanParametersAreRejectedAtTheirOwnStepAndCaptureGoesOn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] w = {1, 2, 3, 4, 5, 6}, b = {0};
            List<NamedParameter> params = parameters(manager, w, b);
            AnalysisConfig config = AnalysisConfig.builder().optWindow(W).build();
            try (UpdateCapture capture = new UpdateCapture(params, List.of(ParameterGroup.all()), 1, config)) {
                capture.start(params, 0);
                w[0] = 2;
                set(params, manager, w, b);
                capture.afterStep(new StepContext(1, 1, 1, 0.01, params));
                w[1] = Float.NaN;
                set(params, manager, w, b);
                NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class,
                        () -> capture.afterStep(new StepContext(2, 1, 1, 0.01, params)));
                assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("'all'"), e.getMessage());
                w[1] = 5;
                set(params, manager, w, b);
                capture.afterStep(new StepContext(3, 1, 1, 0.01, params));
                capture.drain();
                assertEquals(9, capture.window("all").gram().newestNormSquared(), 0, "δ taken against the last good snapshot");
            }
        }
    }

    @Test
    void aFailureInTheBackgroundIsThrownOnceAtTheNextCapture() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // float64 parameters of 1e200: θ is finite but ‖δ‖² = 1e400 overflows inside the background push
            double[] w = {1e200, 0};
            Parameter p = parameter("w", new Shape(2), manager, DataType.FLOAT64);
            try (NDArray first = manager.create(w)) {
                p.getArray().set(first.toByteBuffer());
            }
            List<NamedParameter> params = List.of(new NamedParameter("w", p));
            AnalysisConfig config = AnalysisConfig.builder().optWindow(W).build();
            try (UpdateCapture capture = new UpdateCapture(params, List.of(ParameterGroup.all()), 1, config)) {
                capture.start(params, 0);
                try (NDArray next = manager.create(new double[] {-1e200, 0})) {
                    p.getArray().set(next.toByteBuffer());
                }
                capture.afterStep(new StepContext(1, 1, 1, 0.01, params));   // accepted here, fails in the background
                NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class, capture::drain);
                assertTrue(e.getMessage().contains("step 1"), e.getMessage());
                assertDoesNotThrow(capture::drain, "reported once");
            }
        }
    }

    private static List<NamedParameter> parameters(NDManager manager, float[] w, float[] b) {
        Parameter pw = parameter("w", new Shape(w.length / 5, 5), manager, DataType.FLOAT32);
        Parameter pb = parameter("b", new Shape(b.length), manager, DataType.FLOAT32);
        List<NamedParameter> params = List.of(new NamedParameter("w", pw), new NamedParameter("b", pb));
        set(params, manager, w, b);
        return params;
    }

    private static Parameter parameter(String name, Shape shape, NDManager manager, DataType type) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape)
                .optInitializer(new ConstantInitializer(0)).build();
        p.initialize(manager, type);
        return p;
    }

    /** The training step's in-place update (the capture must have copied what it needs before it). */
    private static void set(List<NamedParameter> params, NDManager manager, float[] w, float[] b) {
        float[][] values = {w, b};
        for (int i = 0; i < 2; i++) {
            try (NDArray next = manager.create(values[i])) {
                params.get(i).parameter().getArray().set(next.toByteBuffer());
            }
        }
    }
}
