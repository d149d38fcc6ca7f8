package org.spectraledge.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.spectraledge.datasets.TaskName;

/**
 * The one table of training options: name, value type, default and description of every option of a
 * {@link TrainConfig}. The command line ({@code spectral-edge train --help}), the {@code %train} magic and sweep files
 * all read their options, defaults, help and validation from here. Defaults are the fast grokking configuration of
 * framework §8 (the MLP on (a+b) mod 59, full batch).
 */
public enum TrainOption {
    TASK("task", ValueType.CHOICE, "add", "the task: " + TaskName.validNames(), (b, v) -> b.optTask(task(v)), c -> c.task().cliName()),
    P("p", ValueType.INTEGER, "59", "modulus of modular tasks", (b, v) -> b.optP(integer("p", v)), TrainConfig::p),
    FRAC("frac", ValueType.NUMBER, "0.5", "fraction of the pairs (a, b) used for training", (b, v) -> b.optFrac(number("frac", v)), TrainConfig::frac),
    MODEL("model", ValueType.CHOICE, "mlp", "the model: " + ChoiceNames.all(ModelKind.class) + "; dyck and scan use a transformer",
            (b, v) -> b.optModel(ModelKind.parse(v)), c -> c.model().cliName()),
    D("d", ValueType.INTEGER, "0", "embedding width / d_model (0 = the model's preset)", (b, v) -> b.optD(integer("d", v)), TrainConfig::d),
    WIDTH("width", ValueType.INTEGER, "0", "MLP hidden width (0 = preset)", (b, v) -> b.optWidth(integer("width", v)), TrainConfig::width),
    LAYERS("layers", ValueType.INTEGER, "0", "transformer layers or MLP hidden layers (0 = preset)", (b, v) -> b.optLayers(integer("layers", v)), TrainConfig::layers),
    HEADS("heads", ValueType.INTEGER, "0", "attention heads (0 = preset)", (b, v) -> b.optHeads(integer("heads", v)), TrainConfig::heads),
    D_FF("d-ff", ValueType.INTEGER, "0", "transformer feed-forward width (0 = preset)", (b, v) -> b.optDFf(integer("d-ff", v)), TrainConfig::dFf),
    OPTIMIZER("optimizer", ValueType.CHOICE, "adamw", "the optimizer: " + ChoiceNames.all(OptimizerKind.class),
            (b, v) -> b.optOptimizer(OptimizerKind.parse(v)), c -> c.optimizer().cliName()),
    LR("lr", ValueType.NUMBER, "3e-3", "learning rate η", (b, v) -> b.optLr(number("lr", v)), TrainConfig::lr),
    WD("wd", ValueType.NUMBER, "1.0", "weight decay ω (decoupled for AdamW and Muon)", (b, v) -> b.optWd(number("wd", v)), TrainConfig::wd),
    BETA1("beta1", ValueType.NUMBER, "0.9", "AdamW β₁", (b, v) -> b.optBeta1(number("beta1", v)), TrainConfig::beta1),
    BETA2("beta2", ValueType.NUMBER, "0.98", "AdamW β₂", (b, v) -> b.optBeta2(number("beta2", v)), TrainConfig::beta2),
    MOMENTUM("momentum", ValueType.NUMBER, "0.95", "SGD and Muon momentum", (b, v) -> b.optMomentum(number("momentum", v)), TrainConfig::momentum),
    STEPS("steps", ValueType.INTEGER, "3000", "optimizer steps", (b, v) -> b.optSteps(integer("steps", v)), TrainConfig::steps),
    BATCH("batch", ValueType.INTEGER, "0", "batch size (0 = full batch)", (b, v) -> b.optBatch(integer("batch", v)), TrainConfig::batch),
    CLIP("clip", ValueType.NUMBER, "0", "global gradient-norm limit (0 = off)", (b, v) -> b.optClip(number("clip", v)), TrainConfig::clip),
    WARMUP("warmup", ValueType.INTEGER, "0", "linear learning-rate warmup steps", (b, v) -> b.optWarmup(integer("warmup", v)), TrainConfig::warmup),
    EVAL_EVERY("eval-every", ValueType.INTEGER, "50", "evaluate every this many steps", (b, v) -> b.optEvalEvery(integer("eval-every", v)), TrainConfig::evalEvery),
    TARGET("target", ValueType.NUMBER, "0", "stop once test accuracy reaches this (0 = never stop early)", (b, v) -> b.optTarget(number("target", v)), TrainConfig::target),
    SEED("seed", ValueType.INTEGER, "0", "seed of the data split, initialization and batch order", (b, v) -> b.optSeed(integer("seed", v)), TrainConfig::seed),
    THREADS("threads", ValueType.INTEGER, "2", "PyTorch intra-op threads", (b, v) -> b.optThreads(integer("threads", v)), TrainConfig::threads),
    WINDOW("window", ValueType.INTEGER, "10", "spectral window W (updates per window)", (b, v) -> b.optWindow(integer("window", v)), TrainConfig::window),
    GROUP("group", ValueType.LIST, "all", "parameter group to capture: all, trunk, attention, layer:N or globs; repeat for several",
            (b, v) -> { throw new AssertionError("groups are set as a list"); }, TrainConfig::groups),
    STRIDE("stride", ValueType.INTEGER, "0", "capture every this many steps (0 = 1 below 10⁶ parameters, else 100)", (b, v) -> b.optStride(integer("stride", v)), TrainConfig::stride),
    CHECKPOINT_EVERY("checkpoint-every", ValueType.INTEGER, "500", "write a checkpoint every this many steps (0 = only at the end)",
            (b, v) -> b.optCheckpointEvery(integer("checkpoint-every", v)), TrainConfig::checkpointEvery);

    /** The parts of a training run an option belongs to: the headings of the help texts, in this order. */
    public enum Section {
        TASK_AND_DATA("Task and data"),
        MODEL("Model"),
        OPTIMIZER("Optimizer"),
        SCHEDULE("Schedule"),
        CAPTURE("Capture");

        private final String heading;

        Section(String heading) { this.heading = heading; }

        /** The heading in help texts, e.g. {@code Task and data}. */
        public String heading() { return heading; }
    }

    /** How an option's text is read. */
    public enum ValueType {
        /** A whole number; {@code 3e3} is accepted. */
        INTEGER,
        /** A floating-point number. */
        NUMBER,
        /** One name from a fixed list. */
        CHOICE,
        /** One or more names (the option may be repeated). */
        LIST
    }

    private final String cliName;
    private final ValueType type;
    private final String defaultValue;
    private final String description;
    private final BiConsumer<TrainConfig.Builder, String> setter;
    private final Function<TrainConfig, Object> getter;

    TrainOption(String cliName, ValueType type, String defaultValue, String description,
                BiConsumer<TrainConfig.Builder, String> setter, Function<TrainConfig, Object> getter) {
        this.cliName = cliName;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.setter = setter;
        this.getter = getter;
    }

    /** The name on the command line (after {@code --}), in {@code %train} and as a sweep-file key. */
    public String cliName() { return cliName; }

    public ValueType type() { return type; }

    /** The default, as text. */
    public String defaultValue() { return defaultValue; }

    /** One line for help texts. */
    public String description() { return description; }

    /** The part of the run this option configures; help texts list the options by section. */
    public Section section() {
        return switch (this) {
            case TASK, P, FRAC, SEED -> Section.TASK_AND_DATA;
            case MODEL, D, WIDTH, LAYERS, HEADS, D_FF -> Section.MODEL;
            case OPTIMIZER, LR, WD, BETA1, BETA2, MOMENTUM, CLIP, WARMUP -> Section.OPTIMIZER;
            case STEPS, BATCH, EVAL_EVERY, TARGET, THREADS, CHECKPOINT_EVERY -> Section.SCHEDULE;
            case WINDOW, GROUP, STRIDE -> Section.CAPTURE;
        };
    }

    /** The names a {@link ValueType#CHOICE} option accepts, in declaration order; empty for the other types. */
    public List<String> choices() {
        return switch (this) {
            case TASK -> Arrays.stream(TaskName.values()).map(TaskName::cliName).toList();
            case MODEL -> Arrays.stream(ModelKind.values()).map(ChoiceNames::of).toList();
            case OPTIMIZER -> Arrays.stream(OptimizerKind.values()).map(ChoiceNames::of).toList();
            default -> List.of();
        };
    }

    /** The option's value in {@code config}: a number, a choice's name, or the list of groups. */
    public Object valueIn(TrainConfig config) { return getter.apply(config); }

    /** Sets this option on {@code builder} from its text (not for {@link #GROUP}, which takes a list). */
    void apply(TrainConfig.Builder builder, String value) { setter.accept(builder, value); }

    /** The option called {@code name}, if there is one. */
    public static Optional<TrainOption> find(String name) {
        return Arrays.stream(values()).filter(o -> o.cliName.equals(name)).findFirst();
    }

    /**
     * The option called {@code name}.
     *
     * @throws InvalidOptionException naming the valid options
     */
    public static TrainOption named(String name) {
        return find(name).orElseThrow(() -> new InvalidOptionException(name,
                "is not a training option; the options are " + names()));
    }

    /** Every option's name, in table order, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(TrainOption::cliName).collect(Collectors.joining(", "));
    }

    /** Every option's name, in table order. */
    public static List<String> nameList() {
        return Arrays.stream(values()).map(TrainOption::cliName).toList();
    }

    private static TaskName task(String v) {
        try {
            return TaskName.parse(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("task", "must be one of " + TaskName.validNames() + ", got '" + v + "'");
        }
    }

    static int integer(String name, String s) {
        try {
            double x = Double.parseDouble(s.strip());   // accepts 3000 and 3e3
            if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) throw new NumberFormatException();
            return (int) x;
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(name, "must be an integer, got '" + s + "'");
        }
    }

    static double number(String name, String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(name, "must be a number, got '" + s + "'");
        }
    }
}
