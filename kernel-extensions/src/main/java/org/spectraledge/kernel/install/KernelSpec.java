package org.spectraledge.kernel.install;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.spectraledge.sweep.SweepEngines;
import java.util.Map;

/**
 * The contents of {@code kernel.json}: how Jupyter starts the kernel.
 *
 * @param argv          the command; {@code {connection_file}} is replaced by Jupyter
 * @param displayName   the name shown in Jupyter's kernel menu
 * @param language      the kernel's language
 * @param interruptMode {@code message}: interrupts arrive as {@code interrupt_request} on the control
 *                      channel (a JVM cannot handle SIGINT per thread)
 */
public record KernelSpec(List<String> argv, String displayName, String language, String interruptMode) {

    /** The kernelspec's directory name, which is what {@code jupyter --kernel=NAME} takes. */
    public static final String NAME = "spectral-edge";
    /** The name in Jupyter's kernel menu. */
    public static final String DISPLAY_NAME = "Java (spectral-edge)";
    /** The kernel's language. */
    public static final String LANGUAGE = "java";

    /**
     * A notebook's {@code metadata.kernelspec} for this kernel: what Jupyter Notebook writes when it starts the installed
     * kernel, so a notebook that carries exactly this opens without "(unsaved changes)".
     */
    public static Map<String, String> notebookMetadata() {
        return Map.of("name", NAME, "display_name", DISPLAY_NAME, "language", LANGUAGE);
    }

    /**
     * C2's thresholds at ten times HotSpot's defaults (5,000 calls, 600 calls with 15,000 calls plus loop iterations,
     * 40,000 loop iterations), so that the kernel's first result comes sooner: with HotSpot's defaults the JIT spends
     * a core at start on C2 versions of javac's methods while javac itself waits for CPU. C1 still compiles everything
     * as early as with the defaults; javac runs about as fast under C1 as under C2 once warm, and a long numeric loop
     * still reaches C2 within its first 400,000 iterations. Figures: docs/benchmarks.md#start-up.
     */
    public static final List<String> LATE_C2_FLAGS = List.of(
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /**
     * JVM flags of the kernel, in order:
     * <ul>
     *   <li>{@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}: lets JShell unload the classes of
     *       redefined snippets, and the kernel prune JShell's compiled snippets and pause its class-path indexing
     *       while a cell runs;</li>
     *   <li>{@code -Djava.awt.headless=true}: charts render without a display;</li>
     *   <li>{@code -Dai.djl.offline=true}: DJL uses the bundled native library and never downloads;</li>
     *   <li>{@link #LATE_C2_FLAGS}: the JIT's optimizing compiler starts on a method after ten times the usual number of
     *       calls, so that at start it does not compete with the interpreted JShell compiler for the cores;</li>
     *   <li>{@link SweepEngines#SPARK_JVM_FLAGS}: what Apache Spark needs on Java 17, for {@code %sweep --engine spark}
     *       (Spark itself loads only then).</li>
     * </ul>
     */
    public static final List<String> JVM_FLAGS = jvmFlags();

    private static List<String> jvmFlags() {
        List<String> flags = new java.util.ArrayList<>(List.of(
                "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
                "-Djava.awt.headless=true",
                "-Dai.djl.offline=true"));
        flags.addAll(LATE_C2_FLAGS);
        flags.addAll(SweepEngines.SPARK_JVM_FLAGS);
        return List.copyOf(flags);
    }

    public static final String MAIN_CLASS = "org.spectraledge.kernel.KernelMain";

    public KernelSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || !argv.contains("{connection_file}")) {
            throw new IllegalArgumentException("argv must pass {connection_file} to the kernel, got " + argv);
        }
        if (displayName == null || displayName.isBlank() || language == null || language.isBlank()) {
            throw new IllegalArgumentException("a kernelspec needs a display name and a language");
        }
        if (!"message".equals(interruptMode) && !"signal".equals(interruptMode)) {
            throw new IllegalArgumentException("interrupt_mode must be 'message' or 'signal', got " + interruptMode);
        }
    }

    /**
     * The spec that runs {@code jar} (with the jars of {@code libDir} next to it) on {@code java}.
     * Paths are made absolute, since Jupyter starts kernels from any directory.
     */
    public static KernelSpec forJar(Path java, Path jar, Path libDir) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(java.toAbsolutePath().toString());
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(jar.toAbsolutePath() + File.pathSeparator + libDir.toAbsolutePath().resolve("*"));
        argv.add(MAIN_CLASS);
        argv.add("{connection_file}");
        return new KernelSpec(argv, DISPLAY_NAME, LANGUAGE, "message");
    }

    /**
     * This spec with the kernel JVM mapping the class-data archive {@code archive} ({@link ClassArchive}); the flag
     * goes right after the java command.
     */
    public KernelSpec withClassArchive(Path archive) {
        List<String> withFlag = new java.util.ArrayList<>(argv);
        withFlag.add(1, "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        return new KernelSpec(withFlag, displayName, language, interruptMode);
    }

    /** {@code kernel.json} text. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", displayName);
        json.put("language", language);
        json.put("interrupt_mode", interruptMode);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }
}
