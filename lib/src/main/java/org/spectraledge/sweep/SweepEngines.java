package org.spectraledge.sweep;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The executor named by {@code --engine}: {@code local} (default; {@code local:N} for N runs at a time) or
 * {@code spark[:MASTER]} (default master {@code local[*]}; e.g. {@code spark:local[2]}, {@code spark:spark://host:7077}).
 *
 * <p>Spark is optional: its module ({@code spark/} in the project, built by {@code ./mvnw -pl spark -am package}) keeps
 * its jars in {@code spark/target/lib}, and they are loaded, in a class loader of their own
 * ({@link ChildFirstClassLoader}), only when a sweep asks for Spark. Where the jars are: the system property
 * {@value #SPARK_LIB_PROPERTY} (set by {@code bin/spectral-edge} and the kernelspec), else {@code spark/target/lib}
 * beside the module this library was loaded from. Spark also needs the JVM flags {@link #SPARK_JVM_FLAGS}.
 */
public final class SweepEngines {

    /** System property naming the folder with the Spark module's jars. */
    public static final String SPARK_LIB_PROPERTY = "spectraledge.spark.lib";

    /** The {@code --add-opens} flags Spark needs on Java 17 (the list Spark's own launcher passes). */
    public static final List<String> SPARK_JVM_FLAGS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");

    private static ClassLoader sparkLoader; // one per JVM: Spark's classes load once

    private SweepEngines() {}

    /**
     * The executor for an {@code --engine} value.
     *
     * @throws IllegalArgumentException for an unknown engine or a bad argument, naming it and the choices
     * @throws IllegalStateException    if the Spark module is not built or the JVM lacks Spark's flags, saying how to fix it
     */
    public static SweepExecutor open(String engine) {
        int colon = engine.indexOf(':');
        String name = colon < 0 ? engine : engine.substring(0, colon);
        String argument = colon < 0 ? null : engine.substring(colon + 1);
        switch (name) {
            case "local":
                if (argument == null) return new LocalExecutor();
                try {
                    return new LocalExecutor(Integer.parseInt(argument));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--engine local:N takes a number of runs at a time ≥ 1, got '" + argument + "'");
                }
            case "spark":
                return spark(argument == null || argument.isBlank() ? null : argument);
            default:
                throw new IllegalArgumentException("unknown engine '" + engine + "'; use local, local:N, spark or spark:MASTER (e.g. spark:local[2])");
        }
    }

    private static SweepExecutor spark(String master) {
        sparkLib(); // first: is the module there at all
        if (!Object.class.getModule().isOpen("java.nio", SweepEngines.class.getModule())) {
            throw new IllegalStateException("Spark needs the JVM flags " + String.join(" ", SPARK_JVM_FLAGS)
                    + "; bin/spectral-edge and the installed kernel pass them (reinstall the kernel with spectral-edge install-kernel"
                    + " if it predates them), other JVMs must add them");
        }
        ClassLoader loader = sparkLoader();
        for (SweepExecutorFactory f : ServiceLoader.load(SweepExecutorFactory.class, loader)) {
            if (f.engine().equals("spark")) return f.create(master);
        }
        throw new IllegalStateException("the jars in " + sparkLib() + " hold no Spark sweep executor; rebuild the module: ./mvnw -pl spark -am package -DskipTests");
    }

    private static synchronized ClassLoader sparkLoader() {
        if (sparkLoader != null) return sparkLoader;
        Path lib = sparkLib();
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(lib)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) jars.add(p.toUri().toURL());
            Path own = lib.resolveSibling("spectral-edge-spark.jar");
            if (Files.exists(own)) jars.add(own.toUri().toURL());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib + ": " + e.getMessage(), e);
        }
        sparkLoader = new ChildFirstClassLoader("spark", jars.toArray(URL[]::new), SweepEngines.class.getClassLoader());
        return sparkLoader;
    }

    /** The Spark module's jar folder, or a clear error if it is not built. */
    static Path sparkLib() {
        String configured = System.getProperty(SPARK_LIB_PROPERTY);
        Path lib = configured != null ? Path.of(configured) : besideThisModule();
        if (lib == null || !Files.isDirectory(lib) || !Files.exists(lib.resolveSibling("spectral-edge-spark.jar"))) {
            throw new IllegalStateException("the Spark engine is optional and not built" + (lib == null ? "" : " (no " + lib
                    + " with the module's jar beside it)") + "; build it with: ./mvnw -pl spark -am package -DskipTests"
                    + (configured == null ? ", or point -D" + SPARK_LIB_PROPERTY + "=DIR at its target/lib" : ""));
        }
        return lib;
    }

    /** {@code ROOT/spark/target/lib} when this library runs from {@code ROOT/lib/target/…} or {@code ROOT/kernel-extensions/target/lib/…}. */
    private static Path besideThisModule() {
        try {
            Path here = Path.of(SweepEngines.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
                        && p.getParent().getParent() != null) {
                    return p.getParent().getParent().resolve("spark").resolve("target").resolve("lib");
                }
            }
            return null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** The jars of this JVM's class path, e.g. for a cluster's executors ({@code spark.jars}). */
    public static List<String> classPathJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) jars.add(new File(entry).getAbsolutePath());
        }
        return jars;
    }
}
