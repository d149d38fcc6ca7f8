package org.spectraledge.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** What the cells' compiler is told, and what it is spared: re-indexing the class path and scanning it for plugins. */
class CellFileManagerTest {

    @Test
    void multiReleaseIsPassedOnOnlyWhenItChanges() {
        List<String> handed = new ArrayList<>();
        StandardJavaFileManager javac = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null);
        StandardJavaFileManager recording = (StandardJavaFileManager) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {StandardJavaFileManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("handleOption")) {
                        handed.add((String) args[0]);
                    }
                    try {
                        return method.invoke(javac, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CellFileManager files = new CellFileManager(recording, NotebookClassPath.open());
        for (int task = 0; task < 3; task++) { // javac hands it over in every task; the delegate forgets its index each time
            assertTrue(files.handleOption("--multi-release", List.of("17").iterator()));
        }
        assertEquals(List.of("--multi-release"), handed);
        assertTrue(files.handleOption("--multi-release", List.of("21").iterator()));
        assertEquals(List.of("--multi-release", "--multi-release"), handed, "a new value is passed on");
        // the class path option never reaches the delegate: the notebook's path is set instead, once
        assertTrue(files.handleOption("-classpath", List.of("/whatever").iterator()));
        assertEquals(2, handed.size());
    }

    @Test
    void compilerPluginsAreLookedForInTheJdkOnly() throws Exception {
        CellFileManager files = new CellFileManager(
                ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null), NotebookClassPath.open());
        for (JavaFileManager.Location location : List.of(StandardLocation.CLASS_PATH, StandardLocation.ANNOTATION_PROCESSOR_PATH)) {
            ClassLoader loader = files.getClassLoader(location);
            assertEquals(ClassLoader.getPlatformClassLoader(), loader.getParent());
            // the kernel's own jars (JUnit's here) are not searched
            assertNull(loader.getResource("org/junit/jupiter/api/Test.class"));
            assertFalse(loader.getResources("META-INF/services/com.sun.source.util.Plugin").hasMoreElements());
        }
    }
}
