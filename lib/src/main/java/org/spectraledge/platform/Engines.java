package org.spectraledge.platform;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts DJL's PyTorch engine offline, with explicit thread counts and a seed, or explains exactly
 * why it cannot.
 *
 * <p>Call {@link #start(EngineConfig)} (or {@link #start()}) before any other DJL call: DJL reads its
 * settings when its {@code Engine} class initialises, and that moment is the only chance to keep it
 * offline. What this class sets, and why (read from the DJL 0.36 source):
 * <ul>
 *   <li>{@code ai.djl.offline=true}: {@code Utils.openUrl} refuses http(s), and
 *       {@code Ec2Utils.callHome} (run when {@code Engine} initialises) skips the telemetry call, which
 *       otherwise first probes a cloud metadata address.</li>
 *   <li>{@code OPT_OUT_TRACKING=true}: the telemetry opt-out, a second guard should the offline flag
 *       ever stop covering telemetry.</li>
 *   <li>{@code ai.djl.default_engine=PyTorch} (unless set): another engine on the class path cannot
 *       become the default.</li>
 *   <li>{@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}: read
 *       once, in {@code PtEngine.newInstance}.</li>
 *   <li>{@code ENGINE_CACHE_DIR} when {@link EngineConfig#cacheDir()} is given.</li>
 *   <li>The environment variable {@code OMP_WAIT_POLICY=PASSIVE} (set in this process through the C library, before
 *       libtorch and its OpenMP runtime load; left alone if already set): OpenMP threads that wait for work sleep
 *       instead of spinning for milliseconds. On a machine whose cores are all training, a spinning thread takes the
 *       core that the update capture, the kernel or the training thread's own Java code needs, and slows training
 *       and capture alike. Figures: docs/benchmarks.md#native-settings.</li>
 *   <li>The environment variable {@code THP_MEM_ALLOC_ENABLE=1} (the same way, left alone if already set): libtorch's
 *       CPU allocator then aligns every tensor of 2 MiB or more to 2 MiB and asks the kernel for transparent huge pages
 *       for it ({@code madvise(MADV_HUGEPAGE)}), where the system offers them ({@code
 *       /sys/kernel/mm/transparent_hugepage/enabled} is {@code madvise} or {@code always}). A transformer's
 *       activations are tens of MiB per step; in 2 MiB pages they fault in 512 times fewer pages than in 4 KiB
 *       ones. libtorch reads the variable once, at its first allocation. Figures:
 *       docs/benchmarks.md#native-settings.</li>
 * </ul>
 * {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR} are deliberately left alone: a value that
 * does not match the bundled jar sends DJL to its download path.
 *
 * <p>Starting twice is allowed, from any thread. A later start applies its intra-op thread count to the calling
 * thread through PyTorch's {@code set_num_threads} (legal at any time); a different inter-op count or cache
 * directory cannot be applied any more and throws.
 */
public final class Engines {

    /** The OpenMP setting chosen before libtorch loads. */
    public static final String OMP_WAIT_POLICY = "OMP_WAIT_POLICY";
    /** libtorch's switch for transparent huge pages under large CPU tensors, chosen before libtorch loads. */
    public static final String THP_MEM_ALLOC_ENABLE = "THP_MEM_ALLOC_ENABLE";
    /** What {@link #start} sets each native environment variable to, unless the JVM was started with a value. */
    private static final Map<String, String> NATIVE_DEFAULTS = Map.of(OMP_WAIT_POLICY, "PASSIVE", THP_MEM_ALLOC_ENABLE, "1");

    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE_NAME = "PyTorch";

    private static EngineConfig started;

    private Engines() {}

    /**
     * Starts the engine with {@link EngineConfig#defaults()}, or returns the running one unchanged
     * (not even re-seeded).
     */
    public static synchronized EngineInfo start() {
        if (started == null) {
            return start(EngineConfig.defaults());
        }
        return checkThreads(Engine.getEngine(ENGINE_NAME), started);
    }

    /**
     * Starts the engine offline with {@code config} and seeds it, or adjusts the running one
     * (intra-op threads, and a new seed).
     *
     * @throws EngineStartException if the native library cannot load; the message names each missing
     *     piece and its fix
     * @throws IllegalStateException if the engine already runs with another inter-op thread count or
     *     cache directory (both fixed for the life of the JVM)
     */
    public static synchronized EngineInfo start(EngineConfig config) {
        if (started == null) {
            Engine engine = load(config);
            started = config;
            engine.setRandomSeed(config.seed());
            return checkThreads(engine, config);
        }
        if (!started.cacheDir().equals(config.cacheDir()) || started.interOpThreads() != config.interOpThreads()) {
            throw new IllegalStateException("The engine already runs with " + started + "; the cache directory and "
                    + "the inter-op thread count are fixed once PyTorch has started, so " + config
                    + " cannot be applied. Fix: restart the JVM (in a notebook: restart the kernel).");
        }
        Engine engine = Engine.getEngine(ENGINE_NAME);
        // PyTorch keeps the intra-op count per thread (OpenMP): a thread takes the latest global count when it first
        // runs an operation and keeps it. Compare this thread's own count, not the last start's, so that a thread of
        // a sweep's pool that first ran another run's configuration is pinned again.
        if (JniUtils.getNumThreads() != config.intraOpThreads()) {
            JniUtils.setNumThreads(config.intraOpThreads());
        }
        started = config;
        engine.setRandomSeed(config.seed());
        return checkThreads(engine, config);
    }

    /** Whether {@link #start} has succeeded in this JVM. */
    public static synchronized boolean isStarted() {
        return started != null;
    }

    /**
     * Re-seeds PyTorch's generator and DJL's {@code RandomUtils}, e.g. at the start of each run.
     *
     * @throws IllegalStateException if the engine has not been started
     */
    public static synchronized void seed(int seed) {
        if (started == null) {
            throw new IllegalStateException("The engine is not started. Fix: call Engines.start(...) first.");
        }
        Engine.getEngine(ENGINE_NAME).setRandomSeed(seed);
    }

    private static Engine load(EngineConfig config) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("ai.djl.default_engine") == null) {
            System.setProperty("ai.djl.default_engine", ENGINE_NAME);
        }
        System.setProperty(EngineConfig.INTRA_OP_PROPERTY, Integer.toString(config.intraOpThreads()));
        System.setProperty(EngineConfig.INTER_OP_PROPERTY, Integer.toString(config.interOpThreads()));
        NATIVE_DEFAULTS.forEach(Engines::setenvUnlessSet);

        List<String> problems = new ArrayList<>();
        Optional<Path> cacheDir = config.cacheDir();
        String envCache = System.getenv("ENGINE_CACHE_DIR");
        if (cacheDir.isPresent() && envCache != null && !Path.of(envCache).toAbsolutePath().normalize()
                .equals(cacheDir.get())) {
            problems.add("The environment variable ENGINE_CACHE_DIR=" + envCache + " overrides the requested cache "
                    + "directory " + cacheDir.get() + " (DJL reads the environment first). Fix: unset ENGINE_CACHE_DIR "
                    + "or do not set a cache directory in EngineConfig.");
        }
        cacheDir.ifPresent(dir -> System.setProperty("ENGINE_CACHE_DIR", dir.toString()));

        Path pytorchCache = Utils.getEngineCacheDir("pytorch");
        problems.addAll(NativePreflight.problems(System.getProperty("os.name"), System.getProperty("os.arch"),
                contextLoader(), Utils::getEnvOrSystemProperty, pytorchCache));
        if (!problems.isEmpty()) {
            throw new EngineStartException(problems, null);
        }
        try {
            return Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | LinkageError e) {
            throw new EngineStartException(List.of("DJL found every jar but could not load the PyTorch native "
                    + "libraries unpacked under " + pytorchCache + " (" + rootMessage(e) + "). Fix: delete that "
                    + "directory so that the next start unpacks it again; if it persists, read the cause below: the C "
                    + "and C++ runtime libraries of this system may be too old for libtorch 2.7.1."), e);
        }
    }

    /**
     * {@code setenv(name, value, 0)}: Java cannot change its own environment, but libtorch and its OpenMP runtime read
     * the C library's when they load, which is after this. A value the JVM was started with is kept. Does nothing
     * where the C library has no setenv (the native defaults stay: spinning waits, small pages).
     */
    private static void setenvUnlessSet(String name, String value) {
        try {
            NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {name, value, 0});
        } catch (UnsatisfiedLinkError e) {
            // not a C library JNA can open
        }
    }

    /**
     * The value {@link #start} puts in force for {@link #OMP_WAIT_POLICY} or {@link #THP_MEM_ALLOC_ENABLE}: the
     * environment's own if the JVM was started with one, else ours ({@code PASSIVE}, {@code 1}).
     */
    public static String nativeSetting(String name) {
        String ours = NATIVE_DEFAULTS.get(name);
        if (ours == null) throw new IllegalArgumentException(name + " is not one of " + NATIVE_DEFAULTS.keySet());
        return System.getenv().getOrDefault(name, ours);
    }

    /**
     * Reads the thread counts back from PyTorch. If DJL was started by other code before this class,
     * our properties came too late and the counts differ: say so instead of running unpinned.
     */
    private static EngineInfo checkThreads(Engine engine, EngineConfig config) {
        int intra = JniUtils.getNumThreads();
        int inter = JniUtils.getNumInteropThreads();
        if (intra != config.intraOpThreads() || inter != config.interOpThreads()) {
            throw new IllegalStateException("PyTorch runs with " + intra + " intra-op and " + inter + " inter-op threads "
                    + "instead of the requested " + config.intraOpThreads() + " and " + config.interOpThreads()
                    + ": DJL was started before Engines.start, so neither the thread counts nor offline mode were "
                    + "applied by us. Fix: call Engines.start(...) before any other DJL call, or pass -Dai.djl.offline=true "
                    + "-D" + EngineConfig.INTRA_OP_PROPERTY + "=N -D" + EngineConfig.INTER_OP_PROPERTY
                    + "=M to java.");
        }
        return new EngineInfo(engine, engine.getVersion(), intra, inter, Path.of(LibUtils.getLibtorchPath()));
    }

    /** DJL looks its native resources up through the context class loader, falling back to its own. */
    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Engines.class.getClassLoader();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
