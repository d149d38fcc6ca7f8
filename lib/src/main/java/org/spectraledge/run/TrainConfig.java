package org.spectraledge.run;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.datasets.TaskName;

/**
 * Everything that defines a training run. Build one with {@link #builder()} (every option has a default: the fast
 * grokking configuration of framework §8), or read one from options by name with {@link #parse(Map)} / {@link #of(Map)}
 * as the command line, {@code %train} and sweep files do. {@link TrainOption} is the table of options: name, type,
 * default and description. {@link #options()} gives the whole configuration back by name, as written to
 * {@code summary.json}.
 *
 * <pre>{@code
 * TrainConfig c = TrainConfig.builder().optTask(TaskName.ADD).optP(97).optModel(ModelKind.TRANSFORMER)
 *         .optLr(1e-3).optBatch(512).build();
 * TrainConfig same = TrainConfig.of(Map.of("p", "97", "model", "transformer", "lr", "1e-3", "batch", "512"));
 * }</pre>
 *
 * @param task            the task
 * @param p               modulus for modular tasks
 * @param frac            training fraction for modular tasks
 * @param model           the model family; dyck and scan use a transformer whatever the default says
 * @param d               embedding width / d_model (0 = the preset's)
 * @param width           MLP hidden width (0 = the preset's)
 * @param layers          transformer layers or MLP hidden layers (0 = the preset's)
 * @param heads           attention heads (0 = the preset's)
 * @param dFf             transformer feed-forward width (0 = the preset's)
 * @param optimizer       the optimizer
 * @param lr              learning rate η
 * @param wd              weight decay ω (decoupled for AdamW and Muon)
 * @param beta1           AdamW β₁
 * @param beta2           AdamW β₂
 * @param momentum        SGD / Muon momentum
 * @param steps           optimizer steps
 * @param batch           batch size; 0 = full batch
 * @param clip            global gradient-norm limit; 0 = off
 * @param warmup          linear learning-rate warmup steps
 * @param evalEvery       evaluate every this many steps
 * @param target          stop once test accuracy reaches this; 0 = never
 * @param seed            seed of data split, initialization and batch order
 * @param threads         PyTorch intra-op threads
 * @param window          spectral window W
 * @param groups          parameter groups to capture
 * @param stride          capture every this many steps; 0 = the framework's default (1 below 10⁶ parameters, else 100)
 * @param checkpointEvery write a checkpoint every this many steps; 0 = only at the end
 */
public record TrainConfig(TaskName task, int p, double frac, ModelKind model, int d, int width, int layers, int heads,
                          int dFf, OptimizerKind optimizer, double lr, double wd, double beta1, double beta2,
                          double momentum, long steps, int batch, double clip, int warmup, int evalEvery, double target,
                          long seed, int threads, int window, List<String> groups, int stride, int checkpointEvery) {

    /** The default of every option, by name, as text. */
    public static final Map<String, String> DEFAULTS = Collections.unmodifiableMap(Arrays.stream(TrainOption.values())
            .collect(Collectors.toMap(TrainOption::cliName, TrainOption::defaultValue, (a, b) -> a, LinkedHashMap::new)));

    public TrainConfig {
        groups = List.copyOf(groups);
        require(task != null, TrainOption.TASK, null, "one of " + TaskName.validNames());
        require(model != null, TrainOption.MODEL, null, "one of " + ChoiceNames.all(ModelKind.class));
        require(optimizer != null, TrainOption.OPTIMIZER, null, "one of " + ChoiceNames.all(OptimizerKind.class));
        require(!groups.isEmpty(), TrainOption.GROUP, "nothing", "at least one group, e.g. all");
        for (String g : groups) {
            try {
                ParameterGroup.parse(g);
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException("group", "'" + g + "': " + e.getMessage());
            }
        }
        require(p >= 2, TrainOption.P, p, "a modulus ≥ 2");
        require(frac > 0 && frac < 1, TrainOption.FRAC, frac, "a fraction in (0, 1)");
        require(d >= 0, TrainOption.D, d, "≥ 0 (0 = preset)");
        require(width >= 0, TrainOption.WIDTH, width, "≥ 0 (0 = preset)");
        require(layers >= 0, TrainOption.LAYERS, layers, "≥ 0 (0 = preset)");
        require(heads >= 0, TrainOption.HEADS, heads, "≥ 0 (0 = preset)");
        require(dFf >= 0, TrainOption.D_FF, dFf, "≥ 0 (0 = preset)");
        require(lr > 0 && Double.isFinite(lr), TrainOption.LR, lr, "a learning rate > 0");
        require(wd >= 0 && Double.isFinite(wd), TrainOption.WD, wd, "a weight decay ≥ 0");
        require(beta1 >= 0 && beta1 < 1, TrainOption.BETA1, beta1, "a value in [0, 1)");
        require(beta2 >= 0 && beta2 < 1, TrainOption.BETA2, beta2, "a value in [0, 1)");
        require(momentum >= 0 && momentum < 1, TrainOption.MOMENTUM, momentum, "a value in [0, 1)");
        require(steps >= 1, TrainOption.STEPS, steps, "at least 1");
        require(batch >= 0, TrainOption.BATCH, batch, "≥ 0 (0 = full batch)");
        require(clip >= 0 && Double.isFinite(clip), TrainOption.CLIP, clip, "≥ 0 (0 = off)");
        require(warmup >= 0, TrainOption.WARMUP, warmup, "≥ 0");
        require(evalEvery >= 1, TrainOption.EVAL_EVERY, evalEvery, "at least 1");
        require(target >= 0 && target <= 1, TrainOption.TARGET, target, "an accuracy in [0, 1] (0 = never stop early)");
        require(threads >= 1, TrainOption.THREADS, threads, "at least 1");
        require(window >= 2, TrainOption.WINDOW, window, "at least 2");
        require(stride >= 0, TrainOption.STRIDE, stride, "≥ 0 (0 = the default)");
        require(checkpointEvery >= 0, TrainOption.CHECKPOINT_EVERY, checkpointEvery, "≥ 0 (0 = only at the end)");
    }

    /** A builder with every option at its default ({@link TrainOption#defaultValue()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change a few options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The task as an enum (the same as {@link #task()}). */
    public TaskName taskName() { return task; }

    /** The parameter groups to capture. */
    public List<ParameterGroup> parameterGroups() { return groups.stream().map(ParameterGroup::parse).toList(); }

    /**
     * Reads options by name ({@link TrainOption#cliName()}, without dashes); missing ones take their defaults.
     * {@code group} may hold several values; every other option one.
     *
     * @throws InvalidOptionException naming the option, the bad value and what is expected; an unknown name lists
     *                                the valid ones
     */
    public static TrainConfig parse(Map<String, List<String>> options) {
        Builder b = builder();
        for (Map.Entry<String, List<String>> e : options.entrySet()) {
            TrainOption option = TrainOption.named(e.getKey());
            List<String> values = e.getValue();
            if (option == TrainOption.GROUP) {
                b.optGroups(values);
            } else if (values.size() != 1) {
                throw new InvalidOptionException(option.cliName(), values.isEmpty() ? "needs a value"
                        : "was given " + values.size() + " times; give it once");
            } else {
                option.apply(b, values.get(0));
            }
        }
        return b.build();
    }

    /** The same as {@link #parse(Map)} for single values; several groups are separated by {@code ;}. */
    public static TrainConfig of(Map<String, String> options) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        options.forEach((k, v) -> m.put(k, k.equals(TrainOption.GROUP.cliName()) ? List.of(v.split(";")) : List.of(v)));
        return parse(m);
    }

    /** Every option with its value, in table order (numbers as numbers, choices by name, groups as a list). */
    public Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TrainOption o : TrainOption.values()) m.put(o.cliName(), o.valueIn(this));
        return m;
    }

    private static void require(boolean ok, TrainOption option, Object value, String expected) {
        if (!ok) throw new InvalidOptionException(option.cliName(), "must be " + expected + ", got " + value);
    }

    /**
     * Builds a {@link TrainConfig}, DJL style: every setting is optional ({@code optX}) and starts at its default
     * ({@link TrainOption#defaultValue()}); {@link #build()} validates and names the first option at fault.
     */
    public static final class Builder {
        private TaskName task;
        private int p;
        private double frac;
        private ModelKind model;
        private int d;
        private int width;
        private int layers;
        private int heads;
        private int dFf;
        private OptimizerKind optimizer;
        private double lr;
        private double wd;
        private double beta1;
        private double beta2;
        private double momentum;
        private long steps;
        private int batch;
        private double clip;
        private int warmup;
        private int evalEvery;
        private double target;
        private long seed;
        private int threads;
        private int window;
        private List<String> groups;
        private int stride;
        private int checkpointEvery;

        private Builder() {
            for (TrainOption o : TrainOption.values()) {
                if (o == TrainOption.GROUP) groups = List.of(o.defaultValue());
                else o.apply(this, o.defaultValue());
            }
        }

        private Builder(TrainConfig c) {
            task = c.task;
            p = c.p;
            frac = c.frac;
            model = c.model;
            d = c.d;
            width = c.width;
            layers = c.layers;
            heads = c.heads;
            dFf = c.dFf;
            optimizer = c.optimizer;
            lr = c.lr;
            wd = c.wd;
            beta1 = c.beta1;
            beta2 = c.beta2;
            momentum = c.momentum;
            steps = c.steps;
            batch = c.batch;
            clip = c.clip;
            warmup = c.warmup;
            evalEvery = c.evalEvery;
            target = c.target;
            seed = c.seed;
            threads = c.threads;
            window = c.window;
            groups = c.groups;
            stride = c.stride;
            checkpointEvery = c.checkpointEvery;
        }

        public Builder optTask(TaskName v) { task = v; return this; }
        public Builder optP(int v) { p = v; return this; }
        public Builder optFrac(double v) { frac = v; return this; }
        public Builder optModel(ModelKind v) { model = v; return this; }
        public Builder optD(int v) { d = v; return this; }
        public Builder optWidth(int v) { width = v; return this; }
        public Builder optLayers(int v) { layers = v; return this; }
        public Builder optHeads(int v) { heads = v; return this; }
        public Builder optDFf(int v) { dFf = v; return this; }
        public Builder optOptimizer(OptimizerKind v) { optimizer = v; return this; }
        public Builder optLr(double v) { lr = v; return this; }
        public Builder optWd(double v) { wd = v; return this; }
        public Builder optBeta1(double v) { beta1 = v; return this; }
        public Builder optBeta2(double v) { beta2 = v; return this; }
        public Builder optMomentum(double v) { momentum = v; return this; }
        public Builder optSteps(long v) { steps = v; return this; }
        public Builder optBatch(int v) { batch = v; return this; }
        public Builder optClip(double v) { clip = v; return this; }
        public Builder optWarmup(int v) { warmup = v; return this; }
        public Builder optEvalEvery(int v) { evalEvery = v; return this; }
        public Builder optTarget(double v) { target = v; return this; }
        public Builder optSeed(long v) { seed = v; return this; }
        public Builder optThreads(int v) { threads = v; return this; }
        public Builder optWindow(int v) { window = v; return this; }
        public Builder optGroups(List<String> v) { groups = List.copyOf(v); return this; }
        public Builder optStride(int v) { stride = v; return this; }
        public Builder optCheckpointEvery(int v) { checkpointEvery = v; return this; }

        /**
         * The configuration.
         *
         * @throws InvalidOptionException naming the first option whose value is out of range
         */
        public TrainConfig build() {
            return new TrainConfig(task, p, frac, model, d, width, layers, heads, dFf, optimizer, lr, wd, beta1, beta2,
                    momentum, steps, batch, clip, warmup, evalEvery, target, seed, threads, window, groups, stride,
                    checkpointEvery);
        }
    }
}
