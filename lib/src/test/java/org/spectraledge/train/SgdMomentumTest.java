package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectraledge.testing.Python;

import org.spectraledge.testing.TestEngine;
class SgdMomentumTest {

    private static final OptimizerCase CASE = OptimizerCase.weightAndBias();
    private static Map<String, Map<String, float[]>> torch;

    @BeforeAll
    static void engine() {
        TestEngine.start();
    }

    private static String torchSgd(double lr, double momentum, boolean nesterov, double weightDecay) {
        return """
                opt = torch.optim.SGD(list(params.values()), lr=%s, momentum=%s, dampening=0, weight_decay=%s, nesterov=%s)
                def before_step(t):
                    pass
                def step():
                    opt.step()
                """.formatted(lr, momentum, weightDecay, nesterov ? "True" : "False");
    }

    /** torch.optim.SGD on {@link #CASE} in four configurations, computed once. */
    private static synchronized Map<String, float[]> torch(String label) throws IOException {
        Python.require("numpy", "torch");
        if (torch == null) {
            torch = CASE.runPython(Map.of(
                    "heavy", torchSgd(0.05, 0.9, false, 0.0),
                    "nesterov", torchSgd(0.05, 0.9, true, 0.0),
                    "nesterovL2", torchSgd(0.05, 0.9, true, 0.01),
                    "plainL2", torchSgd(0.1, 0.0, false, 0.3)));
        }
        return torch.get(label);
    }

    @Test
    void matchesTorchHeavyBall() throws IOException {
        try (SgdMomentum sgd = SgdMomentum.builder().setLearningRate(0.05f).build()) {
            CASE.assertSame(torch("heavy"), CASE.runJava(sgd), 1e-5);
        }
    }

    @Test
    void matchesTorchNesterov() throws IOException {
        try (SgdMomentum sgd = SgdMomentum.builder().setLearningRate(0.05f).optNesterov(true).build()) {
            CASE.assertSame(torch("nesterov"), CASE.runJava(sgd), 1e-5);
        }
    }

    @Test
    void matchesTorchNesterovWithL2WeightDecay() throws IOException {
        try (SgdMomentum sgd = SgdMomentum.builder().setLearningRate(0.05f).optNesterov(true)
                .optWeightDecays(0.01f).build()) {
            CASE.assertSame(torch("nesterovL2"), CASE.runJava(sgd), 1e-5);
        }
    }

    @Test
    void matchesTorchWithoutMomentum() throws IOException {
        try (SgdMomentum sgd = SgdMomentum.builder().setLearningRate(0.1f).optMomentum(0)
                .optWeightDecays(0.3f).build()) {
            CASE.assertSame(torch("plainL2"), CASE.runJava(sgd), 1e-5);
        }
    }

    @Test
    void updatesFreeTheirTemporaries() {
        try (SgdMomentum sgd = SgdMomentum.builder().setLearningRate(0.05f).optNesterov(true)
                .optWeightDecays(0.01f).setRescaleGrad(0.5f).build()) {
            assertEquals(0, CASE.arraysLeftBehind(sgd));
        }
    }

    @Test
    void builderRejectsBadValues() {
        assertThrows(IllegalStateException.class, () -> SgdMomentum.builder().build());
        assertThrows(IllegalStateException.class,
                () -> SgdMomentum.builder().setLearningRate(0.1f).optMomentum(1.0).build());
        assertThrows(IllegalStateException.class,
                () -> SgdMomentum.builder().setLearningRate(0.1f).optMomentum(0).optNesterov(true).build());
        assertThrows(IllegalArgumentException.class, () -> SgdMomentum.builder().setLearningRate(Float.NaN));
    }
}
