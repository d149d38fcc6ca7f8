package org.spectraledge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where results came from, for sweep manifests: the git commit of the checkout {@code bin/spectral-edge} runs from. */
final class Provenance {
    private Provenance() {}

    /** The commit of the project checkout (a "-dirty" suffix when it has uncommitted changes), or "unknown". */
    static String commit() {
        String home = System.getProperty(DemoCommand.HOME_PROPERTY);
        Path dir = Path.of(home == null ? "." : home);
        String head = git(dir, "rev-parse", "HEAD");
        if (head.isEmpty()) return "unknown";
        return git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";   // no git on this machine: the manifest says "unknown"
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
