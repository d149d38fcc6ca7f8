package org.spectraledge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectraledge.testing.Python;

/**
 * Exchanges named float32 arrays with a Python oracle through a text file.
 *
 * <p>Each line of the file is {@code name|d0,d1|v0 v1 …}; values are written with
 * {@link Float#toString}, which round-trips exactly through Python's {@code float} and
 * {@code numpy.float32}. The oracle prints lines {@code name v0 v1 …}.
 */
final class TorchOracle {

    /** Python functions every oracle script can use: {@code load(path)} and {@code emit(name, array)}. */
    static final String PRELUDE = """
            import sys
            import numpy as np
            def load(path):
                out = {}
                for line in open(path):
                    name, shape, values = line.rstrip('\\n').split('|')
                    dims = tuple(int(d) for d in shape.split(',')) if shape else ()
                    out[name] = np.array([float(v) for v in values.split()], dtype=np.float32).reshape(dims)
                return out
            def emit(name, array):
                flat = np.asarray(array, dtype=np.float64).ravel()
                print(name + ' ' + ' '.join(repr(float(v)) for v in flat))
            data = load(sys.argv[1])
            """;

    private final Map<String, float[]> arrays = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /** Adds an array for the oracle. */
    TorchOracle put(String name, float[] values, long... shape) {
        arrays.put(name, values.clone());
        shapes.put(name, shape.clone());
        return this;
    }

    /** Runs {@code PRELUDE + script} on the arrays added and parses what it emitted. */
    Map<String, float[]> run(String script) throws IOException {
        Path file = Files.createTempFile("oracle-data", ".txt");
        try {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, float[]> e : arrays.entrySet()) {
                StringBuilder shape = new StringBuilder();
                for (long d : shapes.get(e.getKey())) {
                    shape.append(shape.length() == 0 ? "" : ",").append(d);
                }
                StringBuilder values = new StringBuilder();
                for (float v : e.getValue()) {
                    values.append(values.length() == 0 ? "" : " ").append(v);
                }
                text.append(e.getKey()).append('|').append(shape).append('|').append(values).append('\n');
            }
            Files.writeString(file, text);
            String out = Python.check(PRELUDE + script, List.of(file.toString()));
            Map<String, float[]> result = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                float[] values = new float[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    values[i - 1] = (float) Double.parseDouble(parts[i]);
                }
                result.put(parts[0], values);
            }
            return result;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Deterministic test values: amplitude·sin(0.37·i + phase), different signs and sizes. */
    static float[] wave(int n, double phase, double amplitude) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (amplitude * Math.sin(0.37 * i * i + 0.9 * i + phase));
        }
        return v;
    }

    /** Asserts two arrays agree to {@code tolerance}, naming the array on failure. */
    static void assertClose(String name, float[] expected, float[] actual, double tolerance) {
        assertTrue(expected != null, "oracle emitted nothing for " + name);
        assertArrayEquals(expected, actual, (float) tolerance, name);
    }
}
