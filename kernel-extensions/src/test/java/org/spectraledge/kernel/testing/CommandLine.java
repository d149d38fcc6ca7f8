package org.spectraledge.kernel.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code spectral-edge ARGS} run from the packaged jar with the JVM flags of {@code bin/spectral-edge}, as a user runs it. */
public final class CommandLine {
    private CommandLine() {}

    /** The project checkout (bin/spectral-edge passes it the same way): the failsafe configuration sets it. */
    public static Path projectRoot() {
        return Path.of(System.getProperty("spectraledge.home", "..")).toAbsolutePath().normalize();
    }

    /** What the command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /**
     * Runs the command line in a child JVM, capturing its output in files under {@code scratch}.
     *
     * @throws IOException if it does not finish within {@code timeoutSeconds} (it is then killed)
     */
    public static Result run(Path scratch, long timeoutSeconds, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("kernel.jar", "target/spectral-edge.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Dspectraledge.home=" + projectRoot(), "-cp", jar + File.pathSeparator + jar.resolveSibling("lib").resolve("*"),
                "org.spectraledge.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "cli", ".out");
        Path err = Files.createTempFile(scratch, "cli", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("spectral-edge " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s; "
                    + "stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
