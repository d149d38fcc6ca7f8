package org.spectraledge.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;

/** The split of the kernel's class path computed from the two build-time lists. */
class NotebookClassPathTest {

    @Test
    void dependencyListKeysArtifactsWithoutVersionAndNamesTheirJars() {
        DependencyList list = DependencyList.parse("""

                The following files have been resolved:
                   ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1:compile
                   org.zeromq:jeromq:jar:0.6.0:compile -- module jeromq [auto]
                """);
        assertEquals(Map.of("ai.djl.pytorch:pytorch-native-cpu:linux-x86_64", "pytorch-native-cpu-2.7.1-linux-x86_64.jar",
                "org.zeromq:jeromq", "jeromq-0.6.0.jar"), list.fileNames());
    }

    private static URL where(Class<?> c) {
        return c.getClassLoader().getResource(c.getName().replace('.', '/') + ".class");
    }

    private static boolean shows(NotebookClassPath cp, Class<?> c) {
        return cp.shows(c.getName().replace('.', '/') + ".class", where(c));
    }

    @Test
    void kernelOnlyJarsAndKernelClassesArePrivateSharedPackagesAndTheLibraryAreNot() {
        NotebookClassPath cp = NotebookClassPath.forKernel(List.of(DisplayData.class));
        assertFalse(shows(cp, org.zeromq.ZMQ.class), "jeromq is the kernel's alone");
        assertFalse(shows(cp, org.eclipse.aether.RepositorySystem.class), "Maven Resolver is the kernel's alone");
        assertFalse(shows(cp, org.dflib.jjava.jupyter.kernel.BaseKernel.class), "jjava outside the shared packages");
        assertFalse(shows(cp, CellEvaluator.class), "the kernel's own classes");
        assertTrue(shows(cp, DisplayData.class), "a shared package");
        assertTrue(shows(cp, com.google.gson.Gson.class), "gson: the kernel uses it, and so does DJL");
        assertTrue(shows(cp, org.spectraledge.spectral.Spectrum.class), "the library");
        assertTrue(shows(cp, ai.djl.ndarray.NDArray.class), "a library dependency");
        assertTrue(cp.compilePath().stream().noneMatch(p -> p.getFileName().toString().startsWith("jeromq-")),
                "javac never sees a private jar without shared packages");
    }
}
