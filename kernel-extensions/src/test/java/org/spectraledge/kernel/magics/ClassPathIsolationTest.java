package org.spectraledge.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutcome;
import org.spectraledge.kernel.session.CellOutputs;
import org.spectraledge.kernel.session.NotebookSession;

/**
 * Cells must see the notebook API, not the kernel's own libraries, and jars a notebook adds must win over both. Each
 * test runs a full session, as the kernel does, because the rules live in the session's class path and loader.
 */
class ClassPathIsolationTest {

    /** Displays of a session's cells, in order. */
    private static final class Shown implements CellOutputs {
        final List<DisplayData> displays = new ArrayList<>();

        @Override
        public void display(DisplayData data) {
            displays.add(data);
        }

        @Override
        public void updateDisplay(DisplayData data) {
            displays.add(data);
        }
    }

    private final Shown shown = new Shown();

    private CellOutcome run(NotebookSession session, String cell) {
        session.beginCell();
        return session.execute(cell, "In [1]", shown);
    }

    private void ok(NotebookSession session, String cell) {
        CellOutcome outcome = run(session, cell);
        assertFalse(outcome.failed(), () -> cell + " failed: " + outcome.error().traceback());
    }

    private String value(NotebookSession session, String cell) {
        CellOutcome outcome = run(session, cell);
        assertFalse(outcome.failed(), () -> cell + " failed: " + outcome.error().traceback());
        return String.valueOf(outcome.result().orElseThrow().getData(MIMEType.TEXT_PLAIN));
    }

    private CellError error(NotebookSession session, String cell) {
        CellOutcome outcome = run(session, cell);
        assertTrue(outcome.failed(), () -> cell + " should have failed");
        return outcome.error();
    }

    /** The kernel still works: a cell computes, {@code display} and {@code updateDisplay} reach the host. */
    private void assertKernelStillWorks(NotebookSession session) {
        assertEquals("42", value(session, "int answer = 40 + 2;\nanswer"));
        int before = shown.displays.size();
        assertEquals("done", value(session, "String id = display(md(\"**shown**\"));\nupdateDisplay(id, \"twice\");\n\"done\""));
        assertEquals(before + 2, shown.displays.size());
        assertEquals("**shown**", shown.displays.get(before).getData(MIMEType.TEXT_MARKDOWN));
    }

    @Test
    void cellsDoNotSeeTheKernelsOwnLibrariesOrClasses() {
        try (NotebookSession session = NotebookSession.start()) {
            for (String hidden : List.of("org.zeromq.ZMQ", "org.dflib.jjava.jupyter.kernel.BaseKernel",
                    "org.eclipse.aether.RepositorySystem", "org.spectraledge.kernel.magics.Magics")) {
                CellError compile = error(session, hidden + ".class.getName()");
                String pkg = hidden.substring(0, hidden.lastIndexOf('.'));
                String where = String.join("\n", compile.traceback());
                assertTrue(where.contains("package " + pkg + " does not exist") || where.contains("class " + hidden.substring(pkg.length() + 1)), where);
                // nor by reflection: the cells' loader refuses what the kernel's loader has
                CellError reflective = error(session, "Class.forName(\"" + hidden + "\")");
                assertTrue(reflective.traceback().get(0).startsWith("java.lang.ClassNotFoundException: " + hidden + " is in a library the kernel"),
                        reflective.traceback().toString());
            }
            // the notebook API and what it hands out stay visible: the library, its dependencies, the display types
            assertEquals("org.dflib.jjava.jupyter.kernel.display.DisplayData",
                    value(session, "org.dflib.jjava.jupyter.kernel.display.DisplayData data = render(1);\ndata.getClass().getName()"));
            assertEquals("2", value(session, "com.google.gson.JsonParser.parseString(\"[1, 2]\").getAsJsonArray().size()"));
            assertEquals("3", value(session, "new org.ejml.simple.SimpleMatrix(3, 1).getNumRows()"));
            assertEquals("0", value(session, "ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).stream().count()"),
                    "the kernel's logging binding is private: a cell's ServiceLoader must not offer a class it cannot load");
            assertKernelStillWorks(session);
        }
    }

    @Test
    void aJarTheNotebookAddsWinsOverTheKernelsLibrary(@TempDir Path dir) throws Exception {
        Path jar = jar(dir, "zmq", Map.of("org/zeromq/ZMQ.java",
                "package org.zeromq; public class ZMQ { public static String version() { return \"notebook's\"; } }"));
        try (NotebookSession session = NotebookSession.start()) {
            ok(session, "%classpath " + jar);
            assertEquals("notebook's", value(session, "org.zeromq.ZMQ.version()"));
            assertEquals("notebook-cells", value(session, "org.zeromq.ZMQ.class.getClassLoader().getName()"));
            // what the notebook's jar does not have stays hidden
            assertTrue(String.join("\n", error(session, "org.zeromq.ZContext.class").traceback()).contains("class ZContext"));
            assertKernelStillWorks(session);
            assertEquals("org.zeromq.ZMQ", value(session, "org.zeromq.ZMQ.class.getName()"), "a later cell still gets it");
        }
        // the kernel's own ZeroMQ was never replaced
        assertTrue(Arrays.stream(org.zeromq.ZMQ.class.getMethods()).noneMatch(m -> m.getName().equals("version")));
    }

    @Test
    void aJarWithAnApiLibrarysClassWinsInCellsWhileTheLibraryKeepsItsOwn(@TempDir Path dir) throws Exception {
        Path jar = jar(dir, "gson", Map.of("com/google/gson/Gson.java",
                "package com.google.gson; public class Gson { public static String version() { return \"notebook's gson\"; } }"));
        try (NotebookSession session = NotebookSession.start()) {
            ok(session, "%classpath " + jar);
            assertEquals("notebook's gson", value(session, "com.google.gson.Gson.version()"));
            // classes the notebook's jar lacks come from the kernel's gson, which uses its own Gson throughout
            assertEquals("[1,2]", value(session, "com.google.gson.JsonParser.parseString(\"[1, 2]\").toString()"));
            assertKernelStillWorks(session);
        }
    }

    @Test
    void theKernelsOwnJarAddedAgainIsNotLoadedTwice() {
        Path gson = kernelJar("gson-");
        Path jeromq = kernelJar("jeromq-");
        try (NotebookSession session = NotebookSession.start()) {
            ok(session, "%classpath " + gson + " " + jeromq);
            // one copy: the kernel's, so library objects and cell variables share their classes
            assertEquals("true", value(session, "com.google.gson.Gson.class == new com.google.gson.GsonBuilder().create().getClass()"));
            assertEquals("true", value(session, "org.zeromq.ZMQ.class.getClassLoader() == ClassLoader.getSystemClassLoader()"));
            assertEquals("true", value(session, "org.zeromq.ZMQ.getVersionString().length() > 0"));
            assertKernelStillWorks(session);
        }
    }

    @Test
    void serviceLoaderInACellSeesProvidersOfAddedJars(@TempDir Path dir) throws Exception {
        Path jar = jar(dir, "greeter", Map.of(
                "demo/Greeting.java", "package demo; public interface Greeting { String hi(); }",
                "demo/Hello.java", "package demo; public class Hello implements Greeting { public String hi() { return \"hello\"; } }",
                "META-INF/services/demo.Greeting", "demo.Hello\n"));
        try (NotebookSession session = NotebookSession.start()) {
            ok(session, "%classpath " + jar);
            assertEquals("hello", value(session, "ServiceLoader.load(demo.Greeting.class).findFirst().orElseThrow().hi()"));
        }
    }

    @Test
    void aLibraryTheNotebookAddsCannotEndTheKernelEither(@TempDir Path dir) throws Exception {
        Path jar = jar(dir, "quitter", Map.of(
                "demo/Quitter.java", "package demo; public class Quitter { public static void quit() { System.exit(3); } }",
                "demo/Calm.java", "package demo; public class Calm { public static int two() { return 2; } }"));
        try (NotebookSession session = NotebookSession.start()) {
            ok(session, "%classpath " + jar);
            CellError exit = error(session, "demo.Quitter.quit()");
            assertEquals("CellExitException", exit.name(), exit.traceback().toString());
            assertTrue(exit.traceback().get(0).contains("System.exit(3) was called in a cell; the kernel keeps running"),
                    exit.traceback().toString());
            // a class without exit calls is defined from its jar as usual, with the jar as its code source
            assertEquals("2 true", value(session, "demo.Calm.two() + \" \" + demo.Calm.class.getProtectionDomain()"
                    + ".getCodeSource().getLocation().toString().endsWith(\"quitter.jar\")"));
            assertEquals("true", value(session, "demo.Quitter.class.getProtectionDomain().getCodeSource().getLocation()"
                    + ".toString().endsWith(\"quitter.jar\")"));
            assertKernelStillWorks(session);
        }
    }

    /** A jar on the kernel's class path whose name starts with {@code prefix}. */
    private static Path kernelJar(String prefix) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar on the test class path"));
    }

    /** Compiles the {@code .java} entries of {@code files} and writes them, with the other files, into a jar. */
    static Path jar(Path dir, String name, Map<String, String> files) throws IOException {
        Path src = dir.resolve(name + "-src");
        Path classes = dir.resolve(name + "-classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = src.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
            if (f.getKey().endsWith(".java")) {
                args.add(file.toString());
            } else {
                Path copy = classes.resolve(f.getKey());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, f.getValue());
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "test sources must compile");
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
