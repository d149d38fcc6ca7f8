package org.spectraledge.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every temporary of a forward and backward pass lives on the inputs' manager: the manager holding the weights
 * gains no array, so a per-step sub-manager frees everything a step allocated.
 */
class NativeScopeTest {

    private static NDManager manager;

    @BeforeAll
    static void start() { manager = ModelTesting.manager(); }

    @AfterAll
    static void stop() { manager.close(); }

    private static int arrays(NDManager m) {
        return ((BaseNDManager) m).getManagedArrays().size();
    }

    @Test
    void trainingStepsAllocateNothingOnTheWeightsManager() {
        try (NDManager weights = manager.newSubManager()) {
            DecoderTransformer dec = ModelTesting.initialized(DecoderTransformer.builder().setVocabSize(6).setContextLength(4)
                    .optLayers(2).optDModel(8).optHeads(2).optTiedUnembedding(true).build(), weights);
            MlpOnEmbeddings mlp = ModelTesting.initialized(MlpOnEmbeddings.builder().setVocabSize(6).optEmbedDim(4).optWidth(8).build(), weights);
            EncoderDecoderTransformer ed = ModelTesting.initialized(EncoderDecoderTransformer.builder().setSourceVocabSize(6)
                    .setTargetVocabSize(6).setSourceLength(4).setTargetLength(4).optLayers(1, 1).optDModel(8).optHeads(2).build(), weights);
            int before = arrays(weights);
            for (int step = 0; step < 3; step++) {
                try (NDManager stepManager = manager.newSubManager();
                     GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    ParameterStore store = new ParameterStore(stepManager, false);
                    NDArray ids = ModelTesting.ids(stepManager, new int[][] {{1, 2, 3, 4}, {4, 3, 2, 1}});
                    NDArray loss = dec.logits(store, ids, true).sum()
                            .add(mlp.logits(store, ModelTesting.ids(stepManager, new int[][] {{1, 2}}), true).sum())
                            .add(ed.logits(store, ids, ids, true).sum());
                    collector.backward(loss);
                }
            }
            try (NDManager stepManager = manager.newSubManager()) {
                ed.greedyDecode(new ParameterStore(stepManager, false), ModelTesting.ids(stepManager, new int[][] {{3, 2, 0, 0}}), 4);
            }
            assertEquals(before, arrays(weights));
        }
    }
}
