package org.spectraledge.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the kernelspec goes (Jupyter's rules) and what it says. */
class KernelInstallerTest {

    @Test
    void prefixFollowsJupytersShareLayout() {
        Path dir = KernelInstaller.dataDirFromArgs(new String[] {"--prefix", "/opt/env"}, Map.of(), "/home/u", "Linux");
        assertEquals(Path.of("/opt/env/share/jupyter"), dir);
    }

    @Test
    void userDirFollowsJupytersRules() {
        assertEquals(Path.of("/home/u/.local/share/jupyter"), KernelInstaller.userDataDir(Map.of(), "/home/u", "Linux"));
        assertEquals(Path.of("/x/jupyter"), KernelInstaller.userDataDir(Map.of("XDG_DATA_HOME", "/x"), "/home/u", "Linux"));
        assertEquals(Path.of("/j"), KernelInstaller.userDataDir(Map.of("JUPYTER_DATA_DIR", "/j", "XDG_DATA_HOME", "/x"), "/home/u", "Linux"));
        assertEquals(Path.of("/home/u/Library/Jupyter"), KernelInstaller.userDataDir(Map.of(), "/home/u", "Mac OS X"));
        assertEquals(Path.of("/home/u/.local/share/jupyter"),
                KernelInstaller.dataDirFromArgs(new String[] {"--user"}, Map.of(), "/home/u", "Linux"));
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelInstaller.dataDirFromArgs(new String[] {"--prefix"}, Map.of(), "/h", "Linux"));
        assertTrue(e.getMessage().contains("--prefix"), e.getMessage());
    }

    @Test
    void writesKernelJsonWithConnectionFileAndMessageInterrupts(@TempDir Path tmp) throws Exception {
        KernelSpec spec = KernelSpec.forJar(Path.of("/usr/bin/java"), Path.of("/opt/se/spectral-edge.jar"), Path.of("/opt/se/lib"));
        Path dir = KernelInstaller.install(tmp, spec);
        assertEquals(tmp.resolve("kernels/spectral-edge"), dir);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        JsonArray argv = json.getAsJsonArray("argv");
        assertEquals("/usr/bin/java", argv.get(0).getAsString());
        assertEquals("jdk.jshell/jdk.jshell=ALL-UNNAMED", argv.get(argv.asList().indexOf(JsonParser.parseString("\"--add-opens\"")) + 1).getAsString());
        assertTrue(argv.toString().contains("-Dai.djl.offline=true"));
        // JDK 24 and later refuse to start with it; cells' exit calls are guarded without a security manager
        assertFalse(argv.toString().contains("java.security.manager"), argv.toString());
        assertEquals("/opt/se/spectral-edge.jar:/opt/se/lib/*", argv.get(argv.size() - 3).getAsString());
        assertEquals(KernelSpec.MAIN_CLASS, argv.get(argv.size() - 2).getAsString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("Java (spectral-edge)", json.get("display_name").getAsString());
    }

    @Test
    void specWithoutConnectionFileIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new KernelSpec(java.util.List.of("java", "Main"), "x", "java", "message"));
    }

    @Test
    void classArchiveFlagComesRightAfterJava() {
        KernelSpec spec = KernelSpec.forJar(Path.of("/usr/bin/java"), Path.of("/opt/se/spectral-edge.jar"), Path.of("/opt/se/lib"))
                .withClassArchive(Path.of("/k/spectral-edge.jsa"));
        assertEquals("/usr/bin/java", spec.argv().get(0));
        assertEquals("-XX:SharedArchiveFile=/k/spectral-edge.jsa", spec.argv().get(1));
        assertEquals("{connection_file}", spec.argv().get(spec.argv().size() - 1));
    }

    @Test
    void aFailedArchiveRunSaysWhyAndWhereItsOutputIs(@TempDir Path tmp) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        KernelSpec broken = KernelSpec.forJar(java, tmp.resolve("missing.jar"), tmp.resolve("lib"));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> ClassArchive.create(broken, tmp));
        assertTrue(e.getMessage().contains("exit code 1") && e.getMessage().contains(ClassArchive.class.getName()),
                e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("class-archive.log").toString()), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve(ClassArchive.FILE_NAME)));
    }
}
