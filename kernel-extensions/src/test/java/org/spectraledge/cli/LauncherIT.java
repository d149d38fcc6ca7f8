package org.spectraledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.testing.CommandLine;

/**
 * {@code bin/spectral-edge} itself, started with {@code JAVA_HOME} set to the JDK that runs the tests (CI runs this
 * class on JDK 17 and again on JDK 25): its JVM flags must be ones that JDK accepts, and a script's
 * {@code System.exit} must fail the script, not end it silently.
 */
class LauncherIT {

    private static CommandLine.Result launch(Path scratch, String... args) throws Exception {
        Path out = Files.createTempFile(scratch, "launcher", ".out");
        Path err = Files.createTempFile(scratch, "launcher", ".err");
        List<String> cmd = new java.util.ArrayList<>(List.of(CommandLine.projectRoot().resolve("bin/spectral-edge").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/spectral-edge " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new CommandLine.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void startsOnThisJdkAndASystemExitFailsTheScriptWithItsLine(@TempDir Path dir) throws Exception {
        CommandLine.Result version = launch(dir, "--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().contains("spectral-edge"), version.stdout());

        Path script = Files.writeString(dir.resolve("leave.jsh"), "System.out.println(\"before\");\nSystem.exit(3);\n");
        CommandLine.Result run = launch(dir, "script", script.toString());
        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("before"), run.stdout());
        assertTrue(run.stderr().contains("System.exit(3) was called in a cell; the kernel keeps running"), run.stderr());
        assertFalse(run.stderr().contains("Security Manager") || run.stderr().contains("security manager"), run.stderr());
    }
}
