package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectraledge.datasets.ModularArithmetic;
import org.spectraledge.datasets.ModularDataset;
import org.spectraledge.datasets.ModularOp;
import org.spectraledge.datasets.Split;

import org.spectraledge.platform.Engines;
import org.spectraledge.platform.EngineConfig;
import org.spectraledge.train.model.NamedParameter;
/** The loop on a small one-hot MLP: it learns, it is deterministic, and it stops cleanly on divergence. */
class TrainingLoopTest {

    @BeforeAll
    static void engine() { Engines.start(EngineConfig.builder().optIntraOpThreads(1).optInterOpThreads(1).build()); }

    private record Setup(NDManager manager, TrainingLoop loop, List<NamedParameter> parameters) {}

    private static Setup setup(double lr, int batch, long seed) {
        Engines.seed((int) seed);
        NDManager manager = NDManager.newBaseManager();
        int p = 11;
        ModularDataset data = ModularArithmetic.builder().setOp(ModularOp.ADD).setP(p).optTrainFraction(0.6).optSeed(seed).build();
        SequentialBlock model = new SequentialBlock()
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().oneHot(p).reshape(-1, 2 * p))))
                .add(Linear.builder().setUnits(32).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(p).build());
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        List<NamedParameter> params = new ArrayList<>();
        model.getParameters().forEach(pair -> params.add(new NamedParameter(pair.getKey(), pair.getValue())));
        AdamW opt = AdamW.builder().setLearningRate((float) lr).optWeightDecays(0.1f).build();
        TensorSplit train = split(manager, data, Split.TRAIN), test = split(manager, data, Split.TEST);
        TrainingLoop loop = new TrainingLoop(model, params, opt, Objective.classifyLast(), train, test,
                new LoopSettings(60, 0, batch, 1.0, lr, 5, 20, 0, seed));
        return new Setup(manager, loop, params);
    }

    private static TensorSplit split(NDManager m, ModularDataset d, Split s) {
        int[][] in = d.inputs(s);
        int[] flat = new int[in.length * 2];
        for (int i = 0; i < in.length; i++) { flat[2 * i] = in[i][0]; flat[2 * i + 1] = in[i][1]; }
        return new TensorSplit(new NDList(m.create(flat, new Shape(in.length, 2))), m.create(d.labels(s)));
    }

    @Test
    void learnsAndIsDeterministicForASeed() {
        double[] first, second;
        try (NDManager unused = NDManager.newBaseManager()) {
            Setup a = setup(1e-2, 16, 7);
            TrainingOutcome oa = a.loop().run(a.manager());
            Setup b = setup(1e-2, 16, 7);
            TrainingOutcome ob = b.loop().run(b.manager());
            assertEquals(TrainingOutcome.Status.COMPLETED, oa.status());
            assertEquals(3, oa.evals().size());
            assertTrue(oa.evals().get(2).trainLoss() < oa.evals().get(0).trainLoss(), "the loss goes down: " + oa.evals());
            first = oa.evals().stream().mapToDouble(e -> e.trainLoss()).toArray();
            second = ob.evals().stream().mapToDouble(e -> e.trainLoss()).toArray();
            a.manager().close();
            b.manager().close();
        }
        assertArrayEquals(first, second, 0, "same seed, same threads: identical losses");
    }

    @Test
    void stepsAndEvaluationsLeaveNothingOnTheLongLivedManager() {
        for (int batch : new int[] {0, 16}) {
            Setup s = setup(1e-2, batch, 5);
            s.loop().evaluate(s.manager(), 0);
            int before = ((ai.djl.ndarray.BaseNDManager) s.manager()).getManagedArrays().size();
            TrainingOutcome o = s.loop().run(s.manager());
            assertEquals(3, o.evals().size());
            int after = ((ai.djl.ndarray.BaseNDManager) s.manager()).getManagedArrays().size();
            assertEquals(before, after, "batch " + batch + ": arrays left on the experiment's manager after 60 steps");
            s.manager().close();
        }
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheLastGoodParameters() {
        Setup s = setup(1e6, 0, 3);
        List<float[]> seen = new ArrayList<>();
        s.loop().addListener(new TrainingListener() {
            @Override public void afterStep(StepContext c) {
                seen.clear();
                for (NamedParameter p : c.parameters()) seen.add(p.parameter().getArray().toFloatArray());
            }
        });
        TrainingOutcome o = s.loop().run(s.manager());
        assertEquals(TrainingOutcome.Status.DIVERGED, o.status(), o.message());
        assertTrue(o.message().contains("diverged at step " + (o.steps() + 1)) && o.message().contains("option lr"), o.message());
        for (int i = 0; i < seen.size(); i++) {
            NDArray now = s.parameters().get(i).parameter().getArray();
            assertArrayEquals(seen.get(i), now.toFloatArray(), 0, "parameters are those of the last good step");
        }
        s.manager().close();
    }
}
