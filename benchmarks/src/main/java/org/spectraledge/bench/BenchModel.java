package org.spectraledge.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of the training benchmarks, on (a + b) mod p with a full batch, as {@code spectral-edge train} options and
 * as the PyTorch peer's {@code init} arguments.
 *
 * @param name          benchmark name
 * @param kind          {@code mlp} or {@code nanda} (the {@code --model} option)
 * @param p             modulus
 * @param frac          training fraction
 * @param d             embedding width (MLP) or d_model (transformer)
 * @param width         hidden width (MLP) or d_mlp (transformer)
 * @param stepsPerRound steps per timed round (about a second each on a quiet 2-core machine)
 */
record BenchModel(String name, String kind, int p, double frac, int d, int width, int stepsPerRound) {

    /** The fast grokking MLP of framework §8: 51,904 parameters. */
    static final BenchModel MLP = new BenchModel("mlp", "mlp", 59, 0.5, 64, 256, 40);
    /** Nanda et al. 2023, their p = 113 and train fraction 0.3: 226,688 parameters. */
    static final BenchModel NANDA = new BenchModel("nanda", "nanda", 113, 0.3, 128, 512, 4);
    /** The MLP widened to about 10⁶ parameters (955,552), the top of the capture-overhead target. */
    static final BenchModel MLP_1M = new BenchModel("mlp-1m", "mlp", 59, 0.5, 128, 3000, 6);

    static final List<BenchModel> ALL = List.of(MLP, NANDA, MLP_1M);

    static BenchModel named(String name) {
        return ALL.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown benchmark model '" + name + "'; models are mlp, nanda, mlp-1m"));
    }

    /** Training options (names of {@code spectral-edge train}) for a run of {@code steps} steps. */
    Map<String, String> options(int threads, long steps) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("task", "add");
        o.put("p", Integer.toString(p));
        o.put("frac", Double.toString(frac));
        o.put("model", kind);
        o.put("d", Integer.toString(d));
        o.put(kind.equals("mlp") ? "width" : "d-ff", Integer.toString(width));
        o.put("batch", "0");
        o.put("threads", Integer.toString(threads));
        o.put("steps", Long.toString(steps));
        o.put("eval-every", Long.toString(steps));   // one evaluation, after the last timed step
        o.put("stride", "1");
        o.put("window", "10");
        o.put("group", "all");
        return o;
    }
}
