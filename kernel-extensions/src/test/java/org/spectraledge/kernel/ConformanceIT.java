package org.spectraledge.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.testing.JupyterClient;

/**
 * Debian's {@code jupyter_kernel_test} (the Jupyter project's conformance suite) against the
 * installed kernel, with every sample it supports that the kernel offers: stdout, stderr, errors,
 * execute results, display data, completion, is_complete, inspection. Each message is validated
 * against the protocol's schema by the suite itself.
 */
class ConformanceIT {

    @TempDir
    Path prefix;

    @Test
    void passesJupyterKernelTest() throws Exception {
        JupyterClient.require("jupyter_client", "jupyter_kernel_test");
        JupyterClient jupyter = JupyterClient.install(prefix);
        String script;
        try (InputStream in = getClass().getResourceAsStream("/org/spectraledge/kernel/conformance.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject result = jupyter.run(script);
        assertEquals(List.of(), strings(result, "failures"));
        assertEquals(List.of(), strings(result, "errors"));
        // not offered: a pager (clear_output is, through clearOutput() in a cell; history through tail, range, search)
        assertEquals(List.of("test_pager"), strings(result, "skipped"));
        assertEquals(12, result.get("run").getAsInt(), result.toString());
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray(key)) {
            out.add(e.getAsString());
        }
        return out;
    }
}
