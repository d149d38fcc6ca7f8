package org.spectraledge.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectraledge.datasets.DyckDataset;
import org.spectraledge.datasets.DyckDepth;
import org.spectraledge.datasets.ModularArithmetic;
import org.spectraledge.datasets.ModularDataset;
import org.spectraledge.datasets.ModularLayout;
import org.spectraledge.datasets.ParityDataset;
import org.spectraledge.datasets.Scan;
import org.spectraledge.datasets.ScanDataset;
import org.spectraledge.datasets.Vocabulary;
import org.spectraledge.datasets.SparseParity;
import org.spectraledge.datasets.Split;
import org.spectraledge.datasets.TaskDataset;
import org.spectraledge.datasets.TaskName;
import org.spectraledge.train.model.DecoderTransformer;
import org.spectraledge.train.model.EncoderDecoderTransformer;
import org.spectraledge.train.model.MlpOnEmbeddings;
import org.spectraledge.train.model.ModelPresets;
import org.spectraledge.train.model.NamedParameters;

import org.spectraledge.platform.Engines;
import org.spectraledge.platform.NativeAllocator;
import org.spectraledge.platform.EngineConfig;
import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.Muon;
import org.spectraledge.train.Objective;
import org.spectraledge.train.StatefulOptimizer;
import org.spectraledge.train.TensorSplit;
import org.spectraledge.train.LoopSettings;
import org.spectraledge.train.AdamW;
import org.spectraledge.train.SgdMomentum;
import org.spectraledge.train.TrainingLoop;
import org.spectraledge.train.LinearWarmup;
/**
 * A {@link TrainConfig} made real: the dataset, the model (initialized and seeded), its named parameters, the
 * tensors, the objective and the optimizer, all on one manager. Closing it frees every native array.
 */
public final class Experiment implements AutoCloseable {
    /**
     * SCAN runs are evaluated on the first 2,048 pairs of the shuffled test pool, not all 18,862: an evaluation is
     * one forward pass over the whole split, and on the full pool it cost more than hundreds of training steps
     * (and its decoder attention maps alone would take ~0.7 GB at the framework model size). 2,048 pairs give the
     * sequence accuracy to within about ±1 % (binomial standard error at most 0.011).
     */
    public static final int SCAN_TEST_PAIRS = 2048;

    private final TrainConfig config;
    private final NDManager manager;
    private final TaskDataset dataset;
    private final Block model;
    private final List<NamedParameter> parameters;
    private final TensorSplit train;
    private final TensorSplit test;
    private final Objective objective;
    private final StatefulOptimizer optimizer;

    private Experiment(TrainConfig config, NDManager manager, TaskDataset dataset, Block model, TensorSplit train,
                       TensorSplit test, Objective objective) {
        this.config = config;
        this.manager = manager;
        this.dataset = dataset;
        this.model = model;
        this.parameters = NamedParameters.of(model);
        this.train = train;
        this.test = test;
        this.objective = objective;
        this.optimizer = optimizer(config, parameters);
    }

    /**
     * Builds everything for a configuration. Starts the engine offline with the configured threads and seed first.
     *
     * @throws IllegalArgumentException if the task and model do not fit together (the message says what does)
     */
    public static Experiment create(TrainConfig config) {
        Engines.start(EngineConfig.builder().optIntraOpThreads(config.threads()).optInterOpThreads(1)
                .optSeed((int) config.seed()).build());
        Engines.seed((int) config.seed());
        NativeAllocator.keepFreedMemory();   // reuse freed tensor memory instead of page-faulting it back every step
        NDManager manager = NDManager.newBaseManager();
        try {
            return build(config, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Experiment build(TrainConfig c, NDManager manager) {
        TaskName task = c.taskName();
        if (task.isModular()) {
            ModularLayout layout = modularLayout(c);
            ModularDataset data = modular(c, task);
            Block model = c.model() == ModelKind.MLP
                    ? mlp(c, data.inputVocabSize(), c.p(), layout.length())
                    : transformer(c, data.inputVocabSize(), c.p(), layout.length(), c.model() == ModelKind.NANDA);
            return initialized(c, manager, data, model, layout.length(),
                    classification(manager, data.inputs(Split.TRAIN), data.labels(Split.TRAIN)),
                    classification(manager, data.inputs(Split.TEST), data.labels(Split.TEST)), Objective.classifyLast());
        }
        if (task == TaskName.PARITY) {
            ParityDataset data = SparseParity.builder().optSeed(c.seed()).build();
            requireModel(c, ModelKind.MLP, task);
            Block model = mlp(c, 2, 2, data.bits());
            return initialized(c, manager, data, model, data.bits(),
                    classification(manager, data.inputs(Split.TRAIN), data.labels(Split.TRAIN)),
                    classification(manager, data.inputs(Split.TEST), data.labels(Split.TEST)), Objective.classifyLast());
        }
        if (task == TaskName.DYCK) {
            DyckDataset data = DyckDepth.builder().optSeed(c.seed()).build();
            requireModel(c, ModelKind.TRANSFORMER, task);
            DecoderTransformer base = ModelPresets.dyck(data.length());
            Block model = DecoderTransformer.builder().setVocabSize(2).setContextLength(data.length())
                    .optOutputSize(data.length() / 2 + 1).optLayers(pick(c.layers(), base.config().layers()))
                    .optDModel(pick(c.d(), base.config().dModel())).optHeads(pick(c.heads(), base.config().heads()))
                    .optDFf(pick(c.dFf(), base.config().dFf())).optLayerNorm(true).optSeed(c.seed()).build();
            return initialized(c, manager, data, model, data.length(),
                    sequences(manager, data.inputs(Split.TRAIN), data.depths(Split.TRAIN)),
                    sequences(manager, data.inputs(Split.TEST), data.depths(Split.TEST)), Objective.classifyEachPosition());
        }
        if (task == TaskName.SCAN) {
            // framework §8: 2,048 training pairs of the simple split, 3 + 3 encoder–decoder, d_model 256; tested on a
            // fixed sample of the test pool (see SCAN_TEST_PAIRS)
            ScanDataset data = Scan.builder().optTrainSize(2048).optTestSize(SCAN_TEST_PAIRS).optSeed(c.seed()).build();
            requireModel(c, ModelKind.TRANSFORMER, task);
            EncoderDecoderTransformer.Config base = ModelPresets.scan().config();
            Block model = EncoderDecoderTransformer.builder().setSourceVocabSize(base.sourceVocabSize())
                    .setTargetVocabSize(base.targetVocabSize()).setSourceLength(base.sourceLength())
                    .setTargetLength(base.targetLength()).optLayers(pick(c.layers(), base.encoderLayers()),
                            pick(c.layers(), base.decoderLayers())).optDModel(pick(c.d(), base.dModel()))
                    .optHeads(pick(c.heads(), base.heads())).optDFf(pick(c.dFf(), base.dFf())).optSeed(c.seed()).build();
            return initialized(c, manager, data, model, ScanDataset.SOURCE_LENGTH,
                    seq2seq(manager, data.sourceIds(Split.TRAIN), data.targetIds(Split.TRAIN)),
                    seq2seq(manager, data.sourceIds(Split.TEST), data.targetIds(Split.TEST)),
                    Objective.sequenceToSequence(Vocabulary.PAD));
        }
        throw new IllegalArgumentException("no experiment is defined for task '" + task.cliName() + "'");
    }

    /** The token layout of a modular task for the configured model. */
    private static ModularLayout modularLayout(TrainConfig c) {
        return switch (c.model()) {
            case NANDA -> ModularLayout.PAIR_EQUALS;
            case TRANSFORMER -> ModularLayout.OP_EQUALS;
            case MLP -> ModularLayout.PAIR;
        };
    }

    /** The modular dataset of {@code task} with the configuration's p, training fraction, layout and seed. */
    private static ModularDataset modular(TrainConfig c, TaskName task) {
        return ModularArithmetic.builder().setOp(task.modularOp()).setP(c.p()).optTrainFraction(c.frac())
                .optLayout(modularLayout(c)).optSeed(c.seed()).build();
    }

    /**
     * The train and test tensors of another modular task on this experiment's inputs: the same p, training fraction,
     * token layout and seed give the same pairs (a, b) in the same split, now labelled by {@code task}'s operation
     * (e.g. a − b instead of a + b). This is how a run switches task mid-training ({@link TrainSession#switchTask}):
     * the model sees familiar inputs with new answers. The tensors live on this experiment's manager.
     *
     * @param task a modular task name, e.g. {@code sub}
     * @throws IllegalArgumentException if either task is not modular, or the two operations are defined on different
     *                                  pairs (div and div_odd leave out b = 0), so the inputs would differ
     */
    public TaskTensors relabeled(String task) {
        TaskName other = TaskName.parse(task);
        if (!(dataset instanceof ModularDataset mine) || !other.isModular()) {
            throw new IllegalArgumentException("switching the task needs two modular tasks on the same inputs; this run is '"
                    + config.task().cliName() + "' and the new task '" + task + "'. Use add, sub, mul, sq_sum, quad, cube, …");
        }
        ModularDataset data = modular(config, other);
        for (Split s : Split.values()) {
            if (!Arrays.deepEquals(mine.inputs(s), data.inputs(s))) {
                throw new IllegalArgumentException("'" + task + "' is defined on other pairs (a, b) than '" + config.task().cliName()
                        + "' (division leaves out b = 0), so its " + s + " inputs differ; switch between operations defined on all pairs (add, sub, mul, sq_sum, …)");
            }
        }
        return new TaskTensors(classification(manager, data.inputs(Split.TRAIN), data.labels(Split.TRAIN)),
                classification(manager, data.inputs(Split.TEST), data.labels(Split.TEST)));
    }

    /**
     * The tensors of one task: what a training loop trains on and evaluates.
     *
     * @param train training examples
     * @param test  held-out examples
     */
    public record TaskTensors(TensorSplit train, TensorSplit test) {}

    /** Teacher forcing: the decoder reads target[:, :−1] and predicts target[:, 1:]. */
    private static TensorSplit seq2seq(NDManager m, int[][] source, int[][] target) {
        int[][] in = new int[target.length][], out = new int[target.length][];
        for (int i = 0; i < target.length; i++) {
            in[i] = java.util.Arrays.copyOfRange(target[i], 0, target[i].length - 1);
            out[i] = java.util.Arrays.copyOfRange(target[i], 1, target[i].length);
        }
        return new TensorSplit(new NDList(ids(m, source), ids(m, in)), ids(m, out));
    }

    /** Tasks with one model family: the default model stands for "the task's own", any other must be that one. */
    private static void requireModel(TrainConfig c, ModelKind model, TaskName task) {
        ModelKind byDefault = ModelKind.parse(TrainOption.MODEL.defaultValue());
        if (c.model() != model && c.model() != byDefault) {
            throw new InvalidOptionException("model", c.model().cliName() + " does not fit task " + task.cliName()
                    + "; use model " + model.cliName());
        }
    }

    private static Experiment initialized(TrainConfig c, NDManager manager, TaskDataset data, Block model, int length,
                                          TensorSplit train, TensorSplit test, Objective objective) {
        model.initialize(manager, DataType.FLOAT32, new Shape(1, length));
        return new Experiment(c, manager, data, model, train, test, objective);
    }

    /** The fast grokking MLP (builder defaults: d = 64, width 256, one hidden layer), with any overrides. */
    private static MlpOnEmbeddings mlp(TrainConfig c, int vocab, int classes, int length) {
        MlpOnEmbeddings.Builder b = MlpOnEmbeddings.builder().setVocabSize(vocab).optClasses(classes).optInputLength(length)
                .optSeed(c.seed());
        if (c.d() > 0) b.optEmbedDim(c.d());
        if (c.width() > 0) b.optWidth(c.width());
        if (c.layers() > 0) b.optHiddenLayers(c.layers());
        return b.build();
    }

    private static DecoderTransformer transformer(TrainConfig c, int vocab, int classes, int length, boolean nanda) {
        DecoderTransformer preset = nanda ? ModelPresets.nanda(classes) : ModelPresets.powerTransformer(classes);
        DecoderTransformer.Config pc = preset.config();
        return DecoderTransformer.builder().setVocabSize(vocab).setContextLength(length).optOutputSize(classes)
                .optLayers(pick(c.layers(), pc.layers())).optDModel(pick(c.d(), pc.dModel())).optHeads(pick(c.heads(), pc.heads()))
                .optDFf(pick(c.dFf(), pc.dFf())).optActivation(pc.activation()).optLayerNorm(pc.layerNorm())
                .optSeed(c.seed()).build();
    }

    private static int pick(int option, int preset) {
        return option > 0 ? option : preset;
    }

    private static TensorSplit classification(NDManager m, int[][] inputs, int[] labels) {
        return new TensorSplit(new NDList(ids(m, inputs)), m.create(labels));
    }

    private static TensorSplit sequences(NDManager m, int[][] inputs, int[][] labels) {
        return new TensorSplit(new NDList(ids(m, inputs)), ids(m, labels));
    }

    private static NDArray ids(NDManager m, int[][] rows) {
        int n = rows.length, t = rows[0].length;
        int[] flat = new int[n * t];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, flat, i * t, t);
        return m.create(flat, new Shape(n, t));
    }

    private static StatefulOptimizer optimizer(TrainConfig c, List<NamedParameter> parameters) {
        LinearWarmup lr = new LinearWarmup((float) c.lr(), c.warmup());
        AdamW adamW = AdamW.builder().setLearningRateTracker(lr).optWeightDecays((float) c.wd())
                .optBeta1(c.beta1()).optBeta2(c.beta2()).build();
        return switch (c.optimizer()) {
            case ADAMW -> adamW;
            case SGD -> SgdMomentum.builder().setLearningRateTracker(lr).optMomentum(c.momentum())
                    .optWeightDecays((float) c.wd()).build();
            case MUON -> {
                Map<String, String> names = new LinkedHashMap<>();
                for (NamedParameter p : parameters) names.put(p.parameter().getId(), p.name());
                yield Muon.builder().setLearningRateTracker(lr).setParameterNames(names).setFallback(adamW)
                        .optMomentum(c.momentum()).optWeightDecays((float) c.wd()).build();
            }
        };
    }

    public TrainConfig config() { return config; }
    public NDManager manager() { return manager; }
    public TaskDataset dataset() { return dataset; }
    public Block model() { return model; }
    public List<NamedParameter> parameters() { return parameters; }
    public TensorSplit train() { return train; }
    public TensorSplit test() { return test; }
    public Objective objective() { return objective; }
    public StatefulOptimizer optimizer() { return optimizer; }

    /** Total number of parameters. */
    public long parameterCount() {
        return parameters.stream().mapToLong(p -> p.parameter().getArray().size()).sum();
    }

    /** A training loop over this experiment, starting after {@code startStep} steps. */
    public TrainingLoop loop(long startStep) {
        return new TrainingLoop(model, parameters, optimizer, objective, train, test,
                new LoopSettings(config.steps(), startStep, config.batch(), config.clip(), config.lr(), config.warmup(),
                        config.evalEvery(), config.target(), config.seed()));
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
