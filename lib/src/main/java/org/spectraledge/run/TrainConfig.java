package org.spectraledge.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.datasets.TaskName;

import org.spectraledge.train.Muon;
import org.spectraledge.train.AdamW;
/**
 * Everything that defines a training run, by the option names of {@code spectral-edge train} (also used by the
 * {@code %train} magic and by sweep files). Parse with {@link #parse(Map)}; {@link #options()} gives the full
 * configuration back, defaults included, as written to {@code summary.json}.
 *
 * @param task          task name ({@code add}, {@code sub}, …, {@code dyck}, {@code scan}, {@code parity})
 * @param p             modulus for modular tasks
 * @param frac          training fraction for modular tasks
 * @param model         {@code mlp} (fast grokking MLP), {@code nanda} (1-layer, no LayerNorm), {@code transformer}
 *                      (2-layer, the author's); {@code dyck} and {@code parity} pick their own
 * @param d             embedding width / d_model (0 = the preset's)
 * @param width         MLP hidden width (0 = the preset's)
 * @param layers        transformer layers or MLP hidden layers (0 = the preset's)
 * @param heads         attention heads (0 = the preset's)
 * @param dFf           transformer feed-forward width (0 = the preset's)
 * @param optimizer     {@code adamw}, {@code sgd} or {@code muon}
 * @param lr            learning rate η
 * @param wd            weight decay ω (decoupled for AdamW and Muon)
 * @param beta1         AdamW β₁
 * @param beta2         AdamW β₂
 * @param momentum      SGD / Muon momentum
 * @param steps         optimizer steps
 * @param batch         batch size; 0 = full batch
 * @param clip          global gradient-norm limit; 0 = off
 * @param warmup        linear learning-rate warmup steps
 * @param evalEvery     evaluate every this many steps
 * @param target        stop once test accuracy reaches this; 0 = never
 * @param seed          seed of data split, initialization and batch order
 * @param threads       PyTorch intra-op threads
 * @param window        spectral window W
 * @param groups        parameter groups to capture
 * @param stride        capture every this many steps; 0 = SPEC default (1 below 10⁶ parameters, else 100)
 * @param checkpointEvery write a checkpoint every this many steps; 0 = only at the end
 */
public record TrainConfig(String task, int p, double frac, String model, int d, int width, int layers, int heads, int dFf,
                          String optimizer, double lr, double wd, double beta1, double beta2, double momentum, long steps,
                          int batch, double clip, int warmup, int evalEvery, double target, long seed, int threads,
                          int window, List<String> groups, int stride, int checkpointEvery) {

    /** The default of every option, by name: the fast grokking configuration of SPEC §8. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final Set<String> MODELS = Set.of("mlp", "nanda", "transformer");
    private static final Set<String> OPTIMIZERS = Set.of("adamw", "sgd", "muon");

    public TrainConfig {
        TaskName.parse(task);
        groups = List.copyOf(groups);
        if (groups.isEmpty()) throw new IllegalArgumentException("--group: capture at least one group, e.g. all");
        groups.forEach(ParameterGroup::parse);
        require(MODELS.contains(model), "model", model, "one of mlp, nanda, transformer");
        require(OPTIMIZERS.contains(optimizer), "optimizer", optimizer, "one of adamw, sgd, muon");
        require(p >= 2, "p", p, "a modulus ≥ 2");
        require(frac > 0 && frac < 1, "frac", frac, "a fraction in (0, 1)");
        require(d >= 0 && width >= 0 && layers >= 0 && heads >= 0 && dFf >= 0, "d/width/layers/heads/d-ff", "negative", "≥ 0 (0 = preset)");
        require(lr > 0 && Double.isFinite(lr), "lr", lr, "a learning rate > 0");
        require(wd >= 0 && Double.isFinite(wd), "wd", wd, "a weight decay ≥ 0");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "beta1/beta2", beta1 + "/" + beta2, "values in [0, 1)");
        require(momentum >= 0 && momentum < 1, "momentum", momentum, "a value in [0, 1)");
        require(steps >= 1, "steps", steps, "at least 1");
        require(batch >= 0, "batch", batch, "≥ 0 (0 = full batch)");
        require(clip >= 0 && Double.isFinite(clip), "clip", clip, "≥ 0 (0 = off)");
        require(warmup >= 0, "warmup", warmup, "≥ 0");
        require(evalEvery >= 1, "eval-every", evalEvery, "at least 1");
        require(target >= 0 && target <= 1, "target", target, "an accuracy in [0, 1] (0 = never stop early)");
        require(threads >= 1, "threads", threads, "at least 1");
        require(window >= 2, "window", window, "at least 2");
        require(stride >= 0, "stride", stride, "≥ 0 (0 = SPEC default)");
        require(checkpointEvery >= 0, "checkpoint-every", checkpointEvery, "≥ 0 (0 = only at the end)");
    }

    /** The task as an enum. */
    public TaskName taskName() { return TaskName.parse(task); }

    /** The parameter groups to capture. */
    public List<ParameterGroup> parameterGroups() { return groups.stream().map(ParameterGroup::parse).toList(); }

    /**
     * Parses options by their command-line names (without dashes); missing ones take {@link #DEFAULTS}.
     * {@code group} may hold several values.
     *
     * @throws IllegalArgumentException naming the option, the bad value and what is expected
     */
    public static TrainConfig parse(Map<String, List<String>> options) {
        for (String name : options.keySet()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown training option --" + name + "; options are --" + String.join(", --", DEFAULTS.keySet()));
            }
        }
        Reader r = new Reader(options);
        List<String> groups = options.containsKey("group") ? options.get("group") : List.of(DEFAULTS.get("group"));
        return new TrainConfig(r.string("task").toLowerCase(Locale.ROOT), r.integer("p"), r.number("frac"),
                r.string("model").toLowerCase(Locale.ROOT), r.integer("d"), r.integer("width"), r.integer("layers"),
                r.integer("heads"), r.integer("d-ff"), r.string("optimizer").toLowerCase(Locale.ROOT), r.number("lr"),
                r.number("wd"), r.number("beta1"), r.number("beta2"), r.number("momentum"), r.integer("steps"),
                r.integer("batch"), r.number("clip"), r.integer("warmup"), r.integer("eval-every"), r.number("target"),
                r.integer("seed"), r.integer("threads"), r.integer("window"), groups, r.integer("stride"),
                r.integer("checkpoint-every"));
    }

    /** The same as {@link #parse(Map)} for single-valued options. */
    public static TrainConfig of(Map<String, String> options) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        options.forEach((k, v) -> m.put(k, k.equals("group") ? List.of(v.split(";")) : List.of(v)));
        return parse(m);
    }

    /** Every option with its value, in {@link #DEFAULTS} order (numbers as numbers, groups as a list). */
    public Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task); m.put("p", p); m.put("frac", frac); m.put("model", model); m.put("d", d); m.put("width", width);
        m.put("layers", layers); m.put("heads", heads); m.put("d-ff", dFf); m.put("optimizer", optimizer); m.put("lr", lr);
        m.put("wd", wd); m.put("beta1", beta1); m.put("beta2", beta2); m.put("momentum", momentum); m.put("steps", steps);
        m.put("batch", batch); m.put("clip", clip); m.put("warmup", warmup); m.put("eval-every", evalEvery);
        m.put("target", target); m.put("seed", seed); m.put("threads", threads); m.put("window", window);
        m.put("group", groups); m.put("stride", stride); m.put("checkpoint-every", checkpointEvery);
        return m;
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("task", "add"); m.put("p", "59"); m.put("frac", "0.5"); m.put("model", "mlp"); m.put("d", "0");
        m.put("width", "0"); m.put("layers", "0"); m.put("heads", "0"); m.put("d-ff", "0"); m.put("optimizer", "adamw");
        m.put("lr", "3e-3"); m.put("wd", "1.0"); m.put("beta1", "0.9"); m.put("beta2", "0.98"); m.put("momentum", "0.95");
        m.put("steps", "3000"); m.put("batch", "0"); m.put("clip", "0"); m.put("warmup", "0"); m.put("eval-every", "50");
        m.put("target", "0"); m.put("seed", "0"); m.put("threads", "2"); m.put("window", "10"); m.put("group", "all");
        m.put("stride", "0"); m.put("checkpoint-every", "500");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void require(boolean ok, String option, Object value, String expected) {
        if (!ok) throw new IllegalArgumentException("--" + option + " must be " + expected + ", got " + value);
    }

    /** Reads single values, with defaults, naming the option in every error. */
    private record Reader(Map<String, List<String>> options) {
        String string(String name) {
            List<String> v = options.get(name);
            if (v == null || v.isEmpty()) return DEFAULTS.get(name);
            if (v.size() > 1) throw new IllegalArgumentException("--" + name + " was given " + v.size() + " times; give it once");
            return v.get(0).strip();
        }

        int integer(String name) {
            String s = string(name);
            try {
                double x = Double.parseDouble(s);   // accepts 3000 and 3e3
                if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) throw new NumberFormatException();
                return (int) x;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be an integer, got '" + s + "'");
            }
        }

        double number(String name) {
            String s = string(name);
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a number, got '" + s + "'");
            }
        }
    }

    /** Option names in order, for usage texts. */
    public static List<String> optionNames() { return new ArrayList<>(DEFAULTS.keySet()); }
}
