package org.spectraledge.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.NotebookClassPath;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.UserCodeException;

/** Cells mixing Java and magics, and the general magics. */
class CellRunnerTest {

    static CellEvaluator evaluator;
    static CellRunner runner;

    @BeforeAll
    static void start() {
        evaluator = CellEvaluator.start(NotebookClassPath.open());
        runner = new CellRunner(evaluator, GeneralMagics.register(new Magics(), evaluator)
                .line("echo", "%echo ARGS", "returns its arguments", call -> CellResult.of(call.args())));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @BeforeEach
    void newCell() {
        evaluator.beginCell();
    }

    /** Runs a cell and returns what it printed (System.out) next to its result. */
    private static String printed(String cell, CellResult[] result) throws CellException {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            result[0] = runner.run(cell, "In [1]");
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lsmagicListsEveryMagicWithItsUsage() throws Exception {
        String text = (String) runner.run("%lsmagic", "In [1]").value();
        assertTrue(text.contains("%lsmagic") && text.contains(GeneralMagics.TIME_USAGE)
                && text.contains("%%time") && text.contains(GeneralMagics.CLASSPATH_USAGE), text);
    }

    @Test
    void javaAroundALineMagicKeepsItsCellLines() {
        UserCodeException e = assertThrows(UserCodeException.class, () ->
                runner.run("int m1 = 1;\n%time int m2 = m1 + 1;\n\nif (m2 == 2) throw new IllegalStateException(\"line 4\");", "In [5]"));
        assertEquals("    at In [5], line 4", e.traceback().get(1));
    }

    @Test
    void timeRunsTheCodeReturnsItsValueAndPrintsWallTime() throws Exception {
        CellResult[] result = new CellResult[1];
        String out = printed("%time 6 * 7", result);
        assertEquals(42, result[0].value());
        assertTrue(out.matches("Wall time: \\d+\\.\\d (ms|s)\\n"), out);
        String cellOut = printed("%%time\nint t = 20;\nt + 1", result);
        assertEquals(21, result[0].value());
        assertTrue(cellOut.startsWith("Wall time: "), cellOut);
    }

    @Test
    void timeErrorsNameTheCellLineBelowTheMagic() {
        UserCodeException e = assertThrows(UserCodeException.class, () ->
                runner.run("%%time\nint u = 0;\nint v = 1 / u;", "In [6]"));
        assertEquals("    at In [6], line 3", e.traceback().get(1));
    }

    @Test
    void badUsesOfMagicsSayHowToUseThem() {
        MagicException unknown = assertThrows(MagicException.class, () -> runner.run("%nosuch 1", "In [2]"));
        assertTrue(unknown.getMessage().contains("%lsmagic"), unknown.getMessage());
        MagicException noCode = assertThrows(MagicException.class, () -> runner.run("int k = 1;\n%time", "In [3]"));
        assertEquals(List.of("In [3], line 2: %time needs code to run; usage: %time CODE"), noCode.traceback());
        MagicException missing = assertThrows(MagicException.class, () -> runner.run("%classpath /no/such.jar", "In [4]"));
        assertTrue(missing.getMessage().contains("does not exist") && missing.getMessage().contains(GeneralMagics.CLASSPATH_USAGE));
    }

    @Test
    void classpathAddsCompiledClassesForLaterCells(@TempDir Path dir) throws Exception {
        // JShell's snippets live in a package, so only classes in named packages are reachable
        Path src = Files.writeString(dir.resolve("Greeter.java"), "package demo; public class Greeter { public String hi() { return \"hi from a jar\"; } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.resolve("classes").toString(), src.toString()));
        CellResult[] result = new CellResult[1];
        String out = printed("%classpath " + dir.resolve("classes"), result);
        assertEquals("Added 1 entry to the class path\n", out);
        assertEquals("hi from a jar", runner.run("new demo.Greeter().hi()", "In [8]").value());
        assertEquals(dir.resolve("classes").toAbsolutePath().toString(), runner.run("%classpath", "In [9]").value());
    }

    @Test
    void magicArgumentsExpandNotebookValues() throws Exception {
        runner.run("int p = 59;\ndouble omega = 0.5;", "In [10]");
        assertEquals("--p 59 --wd 1.0 costs $5, $ alone, a$ and blocks.{0,1}.*",
                runner.run("%echo --p $p --wd ${2 * omega} costs $$5, $ alone, a$ and blocks.{0,1}.*", "In [11]").value());
        assertEquals("Map 2", runner.run("%echo ${java.util.Map.of(1, 2).getClass().getSimpleName().substring(0, 3)} ${java.util.Map.of(1, 2).get(1)}",
                "In [12]").value());
        MagicException undefined = assertThrows(MagicException.class, () -> runner.run("%echo --p $nope", "In [13]"));
        assertTrue(undefined.getMessage().startsWith("cannot use the value of 'nope' in %echo"), undefined.getMessage());
        assertEquals("In [13], line 1: " + undefined.getMessage(), undefined.traceback().get(0));
        MagicException unclosed = assertThrows(MagicException.class, () -> runner.run("int z = 1;\n%echo ${p + 1", "In [14]"));
        assertTrue(unclosed.getMessage().contains("unclosed ${") && unclosed.traceback().get(0).startsWith("In [14], line 2"),
                unclosed.getMessage());
    }
}
