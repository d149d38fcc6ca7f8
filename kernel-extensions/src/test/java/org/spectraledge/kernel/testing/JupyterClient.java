package org.spectraledge.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code /usr/bin/python3} with {@code jupyter_client} against the packaged kernel.
 *
 * <p>{@link #install(Path)} installs the kernelspec into a prefix exactly as a user would (a separate
 * {@code java} running the installer from {@code target/spectral-edge.jar}). {@link #run} executes
 * a Python test script that imports {@code kernel_driver} and prints one JSON object. A missing
 * Python or Jupyter package skips the test on a developer machine and fails it under {@code CI=true}.
 */
public final class JupyterClient {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String DEBIAN_PACKAGES = "python3-jupyter-client jupyter-client python3-jupyter-kernel-test python3-psutil";

    private final Path prefix;
    private final Path driverDir;

    private JupyterClient(Path prefix, Path driverDir) {
        this.prefix = prefix;
        this.driverDir = driverDir;
    }

    /** Skips (or, under CI, fails) unless {@code /usr/bin/python3} can import every module named. */
    public static void require(String... modules) {
        String problem = null;
        if (!Files.isExecutable(PYTHON)) {
            problem = PYTHON + " is missing";
        } else {
            try {
                Result r = exec(List.of(PYTHON.toString(), "-c", "import " + String.join(", ", modules)), Map.of(), 60);
                if (r.exitCode() != 0) {
                    problem = "cannot import " + String.join(", ", modules) + ": " + r.stderr().strip();
                }
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            String msg = "Jupyter client unavailable (" + problem + "); apt-get install " + DEBIAN_PACKAGES;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
    }

    /**
     * Installs the kernelspec into {@code prefix} with the packaged installer.
     *
     * @throws IllegalStateException if the build has not packaged the jar (run {@code ./mvnw verify})
     */
    public static JupyterClient install(Path prefix) throws IOException {
        Path jar = Path.of(System.getProperty("kernel.jar", "target/spectral-edge.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; these tests run in the verify phase after packaging");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String cp = jar + File.pathSeparator + jar.resolveSibling("lib").resolve("*");
        Result r = exec(List.of(java.toString(), "-cp", cp, "org.spectraledge.kernel.install.KernelInstaller",
                "--prefix", prefix.toString()), Map.of(), 300); // the class archive run takes ~10 s, more on a busy machine
        assertEquals(0, r.exitCode(), "installer failed:\n" + r.stderr());
        Path driverDir = Files.createDirectories(prefix.resolve("driver"));
        try (InputStream in = JupyterClient.class.getResourceAsStream("/org/spectraledge/kernel/kernel_driver.py")) {
            Files.copy(in, driverDir.resolve("kernel_driver.py"));
        }
        return new JupyterClient(prefix, driverDir);
    }

    /** The kernelspec directory written by {@link #install}. */
    public Path kernelDir() {
        return prefix.resolve("share/jupyter/kernels/spectral-edge");
    }

    /** Runs {@code script} (Python, may {@code import kernel_driver as kd}) and parses the JSON it prints last. */
    public JsonObject run(String script) throws IOException {
        Path file = Files.writeString(driverDir.resolve("test_" + System.nanoTime() + ".py"), script);
        Result r = exec(List.of(PYTHON.toString(), "-u", file.toString()),
                Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(), "PYTHONPATH", driverDir.toString()), 300);
        if (r.exitCode() != 0) {
            fail("python test script failed (" + r.exitCode() + "):\n" + r.stderr() + "\nstdout:\n" + r.stdout());
        }
        String[] lines = r.stdout().strip().split("\n");
        return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    }

    /**
     * Validates each notebook with nbformat and returns, per notebook path, the output kinds of every code cell
     * ({@code output_type:mime,mime}, e.g. {@code execute_result:image/png,text/plain}).
     */
    public JsonObject outputKinds(Path... notebooks) throws IOException {
        StringBuilder paths = new StringBuilder();
        for (Path p : notebooks) paths.append("'").append(p).append("', ");
        return run(String.join("\n",
                "import json, nbformat",
                "result = {}",
                "for path in [" + paths + "]:",
                "    nb = nbformat.read(path, 4)",
                "    nbformat.validate(nb)",
                "    result[path] = [[o['output_type'] + ':' + ','.join(sorted(o.get('data', {}))) for o in c.get('outputs', [])]",
                "                    for c in nb.cells if c.cell_type == 'code']",
                "print(json.dumps(result))"));
    }

    /**
     * Runs {@code jupyter nbconvert --to notebook --execute} with the installed kernel on {@code notebook}, writing
     * {@code output}; returns its exit code and the end of its stderr.
     */
    public Result nbconvert(Path notebook, Path output, long timeoutSeconds, String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=spectral-edge", "--ExecutePreprocessor.timeout=" + timeoutSeconds,
                "--output-dir", output.getParent().toString(), "--output", output.getFileName().toString()));
        cmd.addAll(List.of(extraArgs));
        cmd.add(notebook.toString());
        return exec(cmd, Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString()), timeoutSeconds + 60);
    }

    /** Output of one process. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private static Result exec(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("jupyter", ".out");
        Path err = Files.createTempFile("jupyter", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + cmd + "\n" + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd, e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
