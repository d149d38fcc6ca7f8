package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few named parameters, their initial values and a fixed gradient sequence, run through a DJL
 * optimizer in Java and through the same steps in Python.
 *
 * <p>Results are keyed {@code name.t}: the parameter after step t (1-based).
 */
final class OptimizerCase {

    /**
     * Python loop around an oracle: {@code SETUP} must define {@code before_step(t)} and
     * {@code step()}, which may use {@code params} (name → torch leaf tensor with {@code .grad} set).
     */
    /**
     * Python loop around one oracle configuration: {@code SETUP} must define {@code before_step(t)}
     * and {@code step()}, which may use {@code params} (name → torch leaf tensor with {@code .grad}
     * set). Results are emitted as {@code LABEL/name.t}.
     */
    private static final String LOOP = """
            params = {n: torch.tensor(data[n]).clone().requires_grad_(True) for n in names}
            SETUP
            for t in range(1, steps + 1):
                for n, p in params.items():
                    p.grad = torch.tensor(data['g.%s.%d' % (n, t)])
                before_step(t)
                step()
                for n, p in params.items():
                    emit('LABEL/%s.%d' % (n, t), p.detach().numpy())
            """;

    private static final String HEADER = """
            import torch
            torch.set_num_threads(1)
            names = [n for n in data if not n.startswith('g.')]
            steps = max(int(k.rsplit('.', 1)[1]) for k in data if k.startswith('g.'))
            """;

    final Map<String, float[]> initial = new LinkedHashMap<>();
    final Map<String, long[]> shapes = new LinkedHashMap<>();
    final List<Map<String, float[]>> grads = new ArrayList<>();

    /** Adds a parameter with deterministic initial values and gradients for {@code steps} steps. */
    OptimizerCase param(String name, int steps, long... shape) {
        int n = (int) new Shape(shape).size();
        double phase = initial.size() * 0.61;
        initial.put(name, TorchOracle.wave(n, phase, 1.0));
        shapes.put(name, shape);
        for (int t = 0; t < steps; t++) {
            if (grads.size() <= t) {
                grads.add(new LinkedHashMap<>());
            }
            // sizes vary by step and entry, from about 1e-3 to 2, so moments and clipping matter
            grads.get(t).put(name, TorchOracle.wave(n, phase + 1.7 * (t + 1), 0.05 + 0.4 * t));
        }
        return this;
    }

    /** The standard case: a 3×4 weight and a 4-vector bias, 5 steps. */
    static OptimizerCase weightAndBias() {
        return new OptimizerCase().param("W", 5, 3, 4).param("b", 5, 4);
    }

    /**
     * Runs every step and returns how many arrays the parameters' manager holds afterwards beyond
     * the parameters themselves: temporaries an update forgot to free.
     */
    int arraysLeftBehind(Optimizer optimizer) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> weights = new LinkedHashMap<>();
            for (String name : initial.keySet()) {
                weights.put(name, manager.create(initial.get(name), new Shape(shapes.get(name))));
            }
            int before = manager.getManagedArrays().size();
            for (Map<String, float[]> step : grads) {
                for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                    try (NDArray g = manager.create(step.get(w.getKey()), new Shape(shapes.get(w.getKey())))) {
                        optimizer.update(w.getKey(), w.getValue(), g);
                    }
                }
            }
            return manager.getManagedArrays().size() - before;
        }
    }

    /** Runs the Java optimizer; {@code update} is called in insertion order with the name as id. */
    Map<String, float[]> runJava(Optimizer optimizer) {
        return runJava(optimizer, 0, grads.size(), null);
    }

    /**
     * Runs steps {@code from} (inclusive) to {@code to} (exclusive), starting from {@code start}
     * (parameter values; the initial ones when null).
     */
    Map<String, float[]> runJava(Optimizer optimizer, int from, int to, Map<String, float[]> start) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> weights = new LinkedHashMap<>();
            for (String name : initial.keySet()) {
                float[] values = start == null ? initial.get(name) : start.get(name + "." + from);
                weights.put(name, manager.create(values, new Shape(shapes.get(name))));
            }
            for (int t = from; t < to; t++) {
                for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                    try (NDArray g = manager.create(grads.get(t).get(w.getKey()), new Shape(shapes.get(w.getKey())))) {
                        optimizer.update(w.getKey(), w.getValue(), g);
                    }
                    out.put(w.getKey() + "." + (t + 1), w.getValue().toFloatArray());
                }
            }
        }
        return out;
    }

    /**
     * Runs one Python process for several oracle configurations (importing torch takes seconds).
     *
     * @param setups label → code defining {@code before_step(t)} and {@code step()}
     * @return label → results keyed {@code name.t}
     */
    Map<String, Map<String, float[]>> runPython(Map<String, String> setups) throws IOException {
        TorchOracle oracle = new TorchOracle();
        for (String name : initial.keySet()) {
            oracle.put(name, initial.get(name), shapes.get(name));
            for (int t = 0; t < grads.size(); t++) {
                oracle.put("g." + name + "." + (t + 1), grads.get(t).get(name), shapes.get(name));
            }
        }
        StringBuilder script = new StringBuilder(HEADER);
        for (Map.Entry<String, String> setup : setups.entrySet()) {
            script.append(LOOP.replace("SETUP", setup.getValue().strip()).replace("LABEL", setup.getKey()));
        }
        Map<String, Map<String, float[]>> results = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : oracle.run(script.toString()).entrySet()) {
            int slash = e.getKey().indexOf('/');
            results.computeIfAbsent(e.getKey().substring(0, slash), k -> new LinkedHashMap<>())
                    .put(e.getKey().substring(slash + 1), e.getValue());
        }
        return results;
    }

    /** Asserts every parameter after every step agrees to {@code tolerance}. */
    void assertSame(Map<String, float[]> expected, Map<String, float[]> actual, double tolerance) {
        for (int t = 1; t <= grads.size(); t++) {
            for (String name : initial.keySet()) {
                String key = name + "." + t;
                TorchOracle.assertClose(key, expected.get(key), actual.get(key), tolerance);
            }
        }
    }
}
