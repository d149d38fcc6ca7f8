package org.spectraledge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Checks, before DJL is touched, everything the offline PyTorch engine needs, and phrases each
 * missing piece as a problem plus its fix.
 *
 * <p>Why check ourselves: when a piece is missing DJL does not say so. Without the native jar it
 * goes down its download path and fails with "Failed to save pytorch index file" (offline); without
 * the JNI jar it fails with "Cannot download jni files"; an unwritable cache gives a bare
 * {@code IOException}. What DJL 0.36 reads, from its source:
 * <ul>
 *   <li>{@code native/lib/pytorch.properties} (in {@code pytorch-native-cpu-2.7.1-linux-x86_64.jar}):
 *       version, flavor, classifier and the library files; it must match this OS and arch.</li>
 *   <li>{@code pytorch-engine.properties} (in {@code pytorch-engine}): {@code pytorch_version},
 *       {@code djl_version}.</li>
 *   <li>{@code jnilib/pytorch.properties} and {@code jnilib/<classifier>/<flavor>/libdjl_torch.so}
 *       (in {@code pytorch-jni}): the JNI bridge, whose {@code jni_version} must start with
 *       {@code pytorch_version-djl_version}.</li>
 *   <li>The engine cache directory ({@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else
 *       {@code ~/.djl.ai}; environment variable before system property): libraries are unpacked to
 *       {@code pytorch/<version>-<flavor>-<classifier>/} on first start.</li>
 *   <li>{@code DJL_OFFLINE} (environment) overrides the {@code ai.djl.offline} property;
 *       {@code PYTORCH_VERSION} different from the bundled one forces a download;
 *       {@code PYTORCH_LIBRARY_PATH} points at a local libtorch instead of the jar.</li>
 * </ul>
 */
final class NativePreflight {

    /** Bytes the first start unpacks (libtorch_cpu.so alone is 446 MB), rounded up. */
    static final long UNPACKED_BYTES = 500L * 1024 * 1024;

    static final String NATIVE_GROUP_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu";
    static final String CLASSIFIER = "linux-x86_64";

    private NativePreflight() {}

    /**
     * Lists what is missing for an offline engine start; empty when everything is in place.
     *
     * @param osName value of {@code os.name}
     * @param osArch value of {@code os.arch}
     * @param loader class loader DJL will search for its resources
     * @param setting looks a DJL setting up the way DJL does: environment variable, then system
     *     property; {@code null} when unset
     * @param engineCacheDir DJL's engine cache directory for PyTorch ({@code .../pytorch})
     */
    static List<String> problems(String osName, String osArch, ClassLoader loader,
                                 UnaryOperator<String> setting, Path engineCacheDir) {
        List<String> problems = new ArrayList<>();
        String offline = setting.apply("DJL_OFFLINE");
        if (offline != null && !Boolean.parseBoolean(offline)) {
            problems.add("The environment variable DJL_OFFLINE=" + offline + " overrides -Dai.djl.offline=true, "
                    + "so DJL would try to download and to send telemetry. Fix: unset DJL_OFFLINE or set it to true.");
        }
        boolean linuxX86 = osName.startsWith("Linux") && ("amd64".equals(osArch) || "x86_64".equals(osArch));
        if (!linuxX86) {
            problems.add("This project ships PyTorch native libraries for " + CLASSIFIER + " only, but this JVM runs on "
                    + osName + "/" + osArch + ". Fix: in the parent pom, replace the classifier " + CLASSIFIER
                    + " of " + NATIVE_GROUP_ARTIFACT + " by the one DJL publishes for your platform, if any.");
            return problems;
        }
        Properties engine = load(loader, "pytorch-engine.properties");
        if (engine == null) {
            problems.add("The DJL PyTorch engine is not on the class path (resource pytorch-engine.properties missing). "
                    + "Fix: add the dependency ai.djl.pytorch:pytorch-engine:0.36.0.");
            return problems;
        }
        String pytorchVersion = engine.getProperty("pytorch_version");
        String djlVersion = engine.getProperty("djl_version");

        String override = setting.apply("PYTORCH_VERSION");
        if (override != null && !override.isEmpty() && !pytorchVersion.startsWith(override)) {
            problems.add("PYTORCH_VERSION=" + override + " differs from the bundled PyTorch " + pytorchVersion
                    + ", which sends DJL down its download path (impossible offline). Fix: unset PYTORCH_VERSION.");
        }
        checkJni(loader, pytorchVersion, djlVersion, problems);

        String localLibtorch = setting.apply("PYTORCH_LIBRARY_PATH");
        if (localLibtorch != null && !localLibtorch.isEmpty()) {
            // the user chose a local libtorch: the native jar and its cache are not used
            return problems;
        }
        Properties natives = load(loader, "native/lib/pytorch.properties");
        if (natives == null) {
            problems.add("The PyTorch native libraries are not on the class path: the jar " + NATIVE_GROUP_ARTIFACT + ":"
                    + pytorchVersion + " with classifier " + CLASSIFIER + " is missing (without it DJL tries to "
                    + "download libtorch, which fails offline). Fix: add that dependency with <classifier>" + CLASSIFIER
                    + "</classifier>, or put ~/.m2/repository/ai/djl/pytorch/pytorch-native-cpu/" + pytorchVersion
                    + "/pytorch-native-cpu-" + pytorchVersion + "-" + CLASSIFIER + ".jar on the class path.");
            return problems;
        }
        String nativeVersion = natives.getProperty("version", "");
        String classifier = natives.getProperty("classifier", "");
        String flavor = natives.getProperty("flavor", "");
        if (!classifier.equals(CLASSIFIER) || !nativeVersion.startsWith(pytorchVersion)) {
            problems.add("The PyTorch native jar on the class path is " + nativeVersion + " " + flavor + " " + classifier
                    + ", but the engine needs " + pytorchVersion + " for " + CLASSIFIER + ". Fix: depend on "
                    + NATIVE_GROUP_ARTIFACT + ":" + pytorchVersion + " with classifier " + CLASSIFIER + " only.");
            return problems;
        }
        checkCache(engineCacheDir.resolve(nativeVersion + '-' + flavor + '-' + classifier),
                djlVersion + "-" + System.mapLibraryName("djl_torch"), problems);
        return problems;
    }

    private static void checkJni(ClassLoader loader, String pytorchVersion, String djlVersion, List<String> problems) {
        Properties jni = load(loader, "jnilib/pytorch.properties");
        String expected = pytorchVersion + "-" + djlVersion;
        String fix = " Fix: add the dependency ai.djl.pytorch:pytorch-jni:" + expected + ".";
        if (jni == null) {
            problems.add("The PyTorch JNI bridge is not on the class path (jar pytorch-jni missing; DJL would "
                    + "try to download it, which fails offline)." + fix);
        } else if (!jni.getProperty("jni_version", "").startsWith(expected)) {
            problems.add("The PyTorch JNI jar on the class path is " + jni.getProperty("jni_version")
                    + " but the engine needs " + expected + "." + fix);
        } else if (loader.getResource("jnilib/" + CLASSIFIER + "/cpu/" + System.mapLibraryName("djl_torch")) == null) {
            problems.add("The pytorch-jni jar has no library for " + CLASSIFIER + "/cpu." + fix);
        }
    }

    /**
     * The first start writes about 450 MB into {@code dir}; later starts only read it. Checks that
     * the files are there, or that the nearest existing ancestor is a writable directory with room.
     */
    private static void checkCache(Path dir, String jniFile, List<String> problems) {
        if (Files.isRegularFile(dir.resolve(System.mapLibraryName("torch"))) && Files.isRegularFile(dir.resolve(jniFile))) {
            return;
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String fix = " Fix: make it writable, or point the environment variable or system property ENGINE_CACHE_DIR "
                + "(or DJL_CACHE_DIR) at a writable directory with 500 MB free"
                + " (EngineConfig.builder().optCacheDir(dir) sets the property).";
        if (existing == null || !Files.isDirectory(existing)) {
            problems.add("DJL must unpack the PyTorch native libraries (about 450 MB) into " + dir + ", but "
                    + existing + " is not a directory." + fix);
        } else if (!Files.isWritable(existing)) {
            problems.add("DJL must unpack the PyTorch native libraries (about 450 MB) into " + dir + ", but "
                    + existing + " is not writable." + fix);
        } else {
            try {
                long free = Files.getFileStore(existing).getUsableSpace();
                if (free < UNPACKED_BYTES) {
                    problems.add("DJL must unpack the PyTorch native libraries (about 450 MB) into " + dir + ", but only "
                            + free / (1024 * 1024) + " MB are free there." + fix);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read free space of " + existing, e);
            }
        }
    }

    private static Properties load(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        return properties;
    }
}
