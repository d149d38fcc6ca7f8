package org.spectraledge.platform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs in a fresh JVM for {@link EnginesTest}: starts the engine with the cache directory given as
 * argument, multiplies a 2×2 matrix by itself and prints what happened, one {@code key=value} line
 * each. A security manager records (and refuses) every network connection or host lookup, so the
 * parent can check that none was attempted.
 */
public final class EngineChild {

    private EngineChild() {}

    /** Records and refuses network access; allows everything else. */
    private static final class NoNetwork extends SecurityManager {
        final List<String> attempts = new ArrayList<>();

        @Override
        public void checkConnect(String host, int port) {
            attempts.add(host + ":" + port);
            throw new SecurityException("network access refused in this test: " + host + ":" + port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            checkConnect(host, port);
        }

        @Override
        public void checkPermission(Permission perm) {
            // everything except connections is allowed
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
            // everything except connections is allowed
        }
    }

    /** This process's anonymous memory in transparent huge pages, from the kernel's per-process summary. */
    private static long anonHugePagesKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
            if (line.startsWith("AnonHugePages:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IOException("no AnonHugePages line in /proc/self/smaps_rollup");
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws IOException {
        NoNetwork guard = new NoNetwork();
        System.setSecurityManager(guard);
        int exit = 0;
        try {
            EngineInfo info = Engines.start(EngineConfig.builder().optCacheDir(Path.of(args[0]))
                    .optIntraOpThreads(1).optInterOpThreads(1).optSeed(42).build());
            try (NDManager manager = info.engine().newBaseManager()) {
                NDArray m = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
                System.out.println("product=" + Arrays.toString(m.matMul(m).toFloatArray()));
                long before = anonHugePagesKb();
                try (NDArray large = manager.ones(new Shape(16, 1024, 1024))) {   // 64 MiB, every page touched
                    System.out.println("hugePagesKb=" + (anonHugePagesKb() - before));
                }
            }
            System.out.println("threads=" + info.intraOpThreads() + "/" + info.interOpThreads());
            System.out.println("version=" + info.pytorchVersion());
            System.out.println("nativeDir=" + info.nativeDir());
        } catch (EngineStartException e) {
            System.out.println("problems=" + e.getMessage().replace(System.lineSeparator(), " | "));
            exit = 3;
        }
        System.out.println("offline=" + System.getProperty("ai.djl.offline"));
        System.out.println("connects=" + guard.attempts);
        System.exit(exit);
    }
}
