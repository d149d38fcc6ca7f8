package org.spectraledge.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtEngine;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spectraledge.testing.TestEngine;
class EnginesTest {

    // ---- in this JVM (shared with the other tests, so always left at TestEngine's settings) ----

    @Test
    void startsWithPinnedThreadsAndComputes() {
        EngineInfo info = TestEngine.start();
        assertEquals(1, info.intraOpThreads());
        assertEquals(1, info.interOpThreads());
        assertEquals("2.7.1", info.pytorchVersion());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray m = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            assertArrayEquals(new float[] {7, 10, 15, 22}, m.matMul(m).toFloatArray());
        }
    }

    @Test
    void seedRepeatsRandomNumbers() {
        TestEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engines.seed(7);
            float[] a = manager.randomNormal(new Shape(5)).toFloatArray();
            Engines.seed(7);
            Engines.start(); // returns the running engine without re-seeding it
            float[] b = manager.randomNormal(new Shape(5)).toFloatArray();
            Engines.seed(8);
            float[] c = manager.randomNormal(new Shape(5)).toFloatArray();
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, c));
        } finally {
            TestEngine.start();
        }
    }

    @Test
    void secondStartChangesIntraOpThreadsButRefusesAnotherInterOpCount() {
        try {
            EngineInfo two = Engines.start(EngineConfig.builder().optIntraOpThreads(2).optInterOpThreads(1).build());
            assertEquals(2, two.intraOpThreads());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Engines.start(EngineConfig.builder().optIntraOpThreads(1).optInterOpThreads(2).build()));
            assertTrue(e.getMessage().contains("restart the JVM"), e.getMessage());
        } finally {
            assertEquals(1, TestEngine.start().intraOpThreads());
        }
    }

    @Test
    void configRejectsBadThreadCounts() {
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.builder().optIntraOpThreads(0).build());
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.builder().optInterOpThreads(-1).build());
    }

    // ---- preflight: each missing piece is named with its fix ----

    private static final UnaryOperator<String> NOTHING_SET = name -> null;

    private static URL jarOf(String resource) throws IOException {
        String url = EnginesTest.class.getClassLoader().getResource(resource).toString();
        return new URL(url.substring("jar:".length(), url.indexOf("!/")));
    }

    private static URLClassLoader loaderWith(URL... jars) {
        return new URLClassLoader(jars, null);
    }

    private static URL apiJar() {
        return Engine.class.getProtectionDomain().getCodeSource().getLocation();
    }

    private static URL engineJar() {
        return PtEngine.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void preflightFindsNothingMissingOnThisClassPath(@TempDir Path cache) {
        assertEquals(List.of(), NativePreflight.problems("Linux", "amd64", EnginesTest.class.getClassLoader(),
                NOTHING_SET, cache.resolve("pytorch")));
    }

    @Test
    void preflightNamesTheMissingNativeJar(@TempDir Path cache) throws IOException {
        try (URLClassLoader loader = loaderWith(apiJar(), engineJar(), jarOf("jnilib/pytorch.properties"))) {
            List<String> problems = NativePreflight.problems("Linux", "amd64", loader, NOTHING_SET, cache);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("ai.djl.pytorch:pytorch-native-cpu:2.7.1"), problems.get(0));
            assertTrue(problems.get(0).contains("<classifier>linux-x86_64</classifier>"), problems.get(0));
        }
    }

    @Test
    void preflightNamesTheMissingJniJar(@TempDir Path cache) throws IOException {
        try (URLClassLoader loader = loaderWith(apiJar(), engineJar(), jarOf("native/lib/pytorch.properties"))) {
            List<String> problems = NativePreflight.problems("Linux", "amd64", loader, NOTHING_SET, cache);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0"), problems.get(0));
        }
    }

    @Test
    void preflightRejectsAnotherPlatform(@TempDir Path cache) {
        List<String> problems = NativePreflight.problems("Mac OS X", "aarch64", EnginesTest.class.getClassLoader(),
                NOTHING_SET, cache);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Mac OS X/aarch64") && problems.get(0).contains("classifier"),
                problems.get(0));
    }

    @Test
    void preflightRejectsSettingsThatWouldCauseADownload(@TempDir Path cache) {
        Map<String, String> env = Map.of("DJL_OFFLINE", "false", "PYTORCH_VERSION", "1.13.1");
        List<String> problems = NativePreflight.problems("Linux", "amd64", EnginesTest.class.getClassLoader(),
                env::get, cache);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("unset DJL_OFFLINE"), problems.get(0));
        assertTrue(problems.get(1).contains("unset PYTORCH_VERSION"), problems.get(1));
    }

    @Test
    void preflightRejectsACacheDirectoryThatCannotBeCreated(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        List<String> problems = NativePreflight.problems("Linux", "amd64", EnginesTest.class.getClassLoader(),
                NOTHING_SET, file.resolve("pytorch"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(file + " is not a directory"), problems.get(0));
        assertTrue(problems.get(0).contains("ENGINE_CACHE_DIR"), problems.get(0));
    }

    // ---- in a fresh JVM: the real first start, as on a new machine ----

    private record Child(int exit, String out) {}

    private static Child runChild(String classPath, Path cacheDir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Djava.security.manager=allow",
                "-cp", classPath, EngineChild.class.getName(), cacheDir.toString());
        // the child must find its way offline by itself: no DJL settings inherited
        for (String name : List.of("DJL_OFFLINE", "ENGINE_CACHE_DIR", "DJL_CACHE_DIR", "PYTORCH_VERSION",
                "PYTORCH_FLAVOR", "PYTORCH_LIBRARY_PATH")) {
            builder.environment().remove(name);
        }
        // OpenMP prints the settings it read when libtorch loaded it; the wait policy is Engines' to choose
        builder.environment().remove(Engines.OMP_WAIT_POLICY);
        builder.environment().remove(Engines.THP_MEM_ALLOC_ENABLE);
        builder.environment().put("OMP_DISPLAY_ENV", "true");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
        return new Child(process.exitValue(), out);
    }

    @Test
    void startsOfflineFromAFreshCacheDirectoryInANewJvm(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("djl-cache");
        Child child = runChild(System.getProperty("java.class.path"), cache);
        assertEquals(0, child.exit(), child.out());
        assertTrue(child.out().contains("product=[7.0, 10.0, 15.0, 22.0]"), child.out());
        assertTrue(child.out().contains("threads=1/1"), child.out());
        assertTrue(child.out().contains("offline=true"), child.out());
        assertTrue(child.out().contains("connects=[]"), child.out());
        assertTrue(child.out().contains("nativeDir=" + cache.resolve("pytorch")), child.out());
        assertTrue(child.out().contains("OMP_WAIT_POLICY = 'PASSIVE'"), "OpenMP threads sleep while they wait: " + child.out());
        // a large tensor sits in transparent huge pages wherever the kernel offers them on request
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");   // absent where the kernel has no THP
        String thp = Files.exists(mode) ? Files.readString(mode) : "[never]";
        boolean offered = thp.contains("[madvise]") || thp.contains("[always]");
        Matcher huge = Pattern.compile("hugePagesKb=(\\d+)").matcher(child.out());
        assertTrue(huge.find(), child.out());
        assertEquals(offered, Long.parseLong(huge.group(1)) > 0, "THP " + thp.strip() + ", child: " + child.out());
        try (var files = Files.list(cache.resolve("pytorch"))) {
            Path unpacked = files.filter(Files::isDirectory).findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(unpacked.resolve("libtorch_cpu.so")), unpacked.toString());
        }
    }

    @Test
    void newJvmWithoutTheNativeJarSaysWhatIsMissingAndStaysOffline(@TempDir Path tmp) throws Exception {
        String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(entry -> !entry.contains("pytorch-native-cpu"))
                .collect(Collectors.joining(File.pathSeparator));
        Child child = runChild(classPath, tmp.resolve("djl-cache"));
        assertEquals(3, child.exit(), child.out());
        assertTrue(child.out().contains("pytorch-native-cpu:2.7.1 with classifier linux-x86_64 is missing"),
                child.out());
        assertTrue(child.out().contains("connects=[]"), child.out());
        assertFalse(Files.exists(tmp.resolve("djl-cache")), "nothing should have been unpacked");
    }

    @Test
    void newJvmWithAnUnusableCacheSaysHowToFixIt(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Child child = runChild(System.getProperty("java.class.path"), file.resolve("cache"));
        assertEquals(3, child.exit(), child.out());
        assertTrue(child.out().contains("is not a directory"), child.out());
        assertTrue(child.out().contains("ENGINE_CACHE_DIR"), child.out());
    }
}
