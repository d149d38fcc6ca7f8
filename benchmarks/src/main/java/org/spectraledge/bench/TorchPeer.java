package org.spectraledge.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spectraledge.platform.Engines;

/**
 * The PyTorch side of the throughput benchmark: Debian's {@code /usr/bin/python3} running {@code torch_peer.py}
 * (a resource of this package) as a long-lived subprocess driven line by line, so that its rounds interleave with
 * the Java rounds of the same run. Its thread count is pinned three ways: {@code torch.set_num_threads}, and
 * {@code OMP_NUM_THREADS} / {@code OPENBLAS_NUM_THREADS} (Debian's torch calls OpenBLAS, whose own pool would
 * otherwise use every core).
 */
final class TorchPeer implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path script;

    /** One timed round: wall seconds for the steps, the last loss, and the peer's minor page faults in the round. */
    record Round(double seconds, double loss, long minorFaults) {}

    TorchPeer(int threads) {
        try {
            script = Files.createTempFile("torch_peer", ".py");
            try (InputStream s = TorchPeer.class.getResourceAsStream("torch_peer.py")) {
                if (s == null) throw new IllegalStateException("torch_peer.py is missing from the benchmarks jar");
                Files.write(script, s.readAllBytes());
            }
            ProcessBuilder pb = new ProcessBuilder(List.of(PYTHON, script.toString(), "--threads", Integer.toString(threads)));
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            pb.environment().put(Engines.OMP_WAIT_POLICY, Engines.nativeSetting(Engines.OMP_WAIT_POLICY)); // the same OpenMP waits as ours
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PyTorch peer " + PYTHON + " (install Debian's python3-torch): "
                    + e.getMessage(), e);
        }
        in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Builds a model and its training set in the peer.
     *
     * @return the peer model's parameter count (compared with the Java model's by the caller)
     */
    long init(String name, String kind, int p, int trainSize, int d, int width, long seed) {
        return Long.parseLong(ask("init " + name + " " + kind + " " + p + " " + trainSize + " " + d + " " + width + " " + seed)[1]);
    }

    /** The peer's {@code torch.__version__}. */
    String version() {
        return ask("version")[1];
    }

    /** Trains {@code count} full-batch steps of a model built by {@link #init}. */
    Round steps(String name, int count) {
        String[] reply = ask("steps " + name + " " + count);
        return new Round(Double.parseDouble(reply[1]), Double.parseDouble(reply[2]), Long.parseLong(reply[3]));
    }

    private String[] ask(String command) {
        try {
            in.write(command);
            in.newLine();
            in.flush();
            String line = out.readLine();
            if (line == null || !line.startsWith("ok ")) {
                throw new IllegalStateException("the PyTorch peer answered '" + line + "' to '" + command + "' (its errors are above)");
            }
            return line.split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException("lost the PyTorch peer during '" + command + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.write("quit");
            in.newLine();
            in.flush();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            Files.deleteIfExists(script);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
