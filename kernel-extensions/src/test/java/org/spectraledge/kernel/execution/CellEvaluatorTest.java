package org.spectraledge.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JShell in this JVM: values are real objects, errors name cell lines, interrupts stop cells. */
class CellEvaluatorTest {

    static CellEvaluator evaluator;
    static int cells;

    @BeforeAll
    static void start() {
        evaluator = CellEvaluator.start(NotebookClassPath.open());
    }

    @BeforeEach
    void newCell() {
        evaluator.beginCell(); // no interrupt of one test may leak into the next
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static CellResult eval(String cell) throws CellException {
        evaluator.beginCell();
        return evaluator.eval(cell, "In [" + (++cells) + "]");
    }

    @Test
    void expressionValuesAreNotKeptAsDollarVariables() throws Exception {
        assertEquals(42, eval("int base = 40;\nbase + 2").value());
        assertTrue(evaluator.shell().variables().noneMatch(v -> v.subKind() == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND),
                "every $N variable makes each later compilation slower");
        assertTrue(evaluator.shell().variables().anyMatch(v -> v.name().equals("base")), "declared variables stay");
        assertEquals(43, eval("base + 3").value());
    }

    @Test
    void compilerKeepsOnlyTheClassFilesOfLiveDeclarations() throws Exception {
        SnippetClassFiles files = evaluator.classFiles();
        assertTrue(files.canForget(), "the surefire argLine opens jdk.jshell, as the kernel's launchers do");
        eval("int kept = 1;\nint twice() { return 2 * kept; }\nclass Box { int v() { return 3; } }");
        int declared = files.size();
        for (int i = 0; i < 20; i++) {
            eval("kept + " + i + ";\nfor (int j = 0; j < 2; j++) { Runnable r = new Runnable() { public void run() {} }; r.run(); }\nkept");
        }
        assertEquals(declared, files.size(), "statements and expressions leave no class file behind");
        // a replaced declaration goes, its dependents are recompiled against the new one and still work
        eval("int kept = 5;");
        eval("class Box { int v() { return 4; } }");
        assertEquals(declared, files.size());
        assertEquals(14, eval("twice() + new Box().v()").value());
        eval("Runnable later = new Runnable() { public void run() {} };");
        assertTrue(files.size() > declared, "a declared variable's wrapper and its anonymous class stay importable");
        assertEquals(15, eval("later.run();\ntwice() + new Box().v() + 1").value());
        // declarations waiting for a missing name keep their class files until it comes
        eval("int usesLater() { return later2 * 2; }\nclass Holder { Missing m = new Missing(); }");
        for (int i = 0; i < 3; i++) {
            eval("1 + " + i);
        }
        eval("int later2 = 21;\nclass Missing { int v() { return 1; } }");
        assertEquals(43, eval("usesLater() + new Holder().m.v()").value());
    }

    @Test
    void valueExpressionsRunAsAVariableThatIsDroppedAfterwards() throws Exception {
        assertEquals(2, eval("1+1").value());
        jdk.jshell.Snippet last = evaluator.shell().snippets().reduce((a, b) -> b).orElseThrow();
        assertEquals(jdk.jshell.Snippet.Kind.VAR, last.kind(), "no type analysis, no $N variable");
        assertEquals(jdk.jshell.Snippet.Status.DROPPED, evaluator.shell().status(last), "later cells do not import it");
        assertEquals(3, eval("1+2").value(), "the next value cell declares it again");
        assertEquals(CellResult.of(null), eval("(Object) null"));
        assertEquals(5, eval("\"hello\".length()").value(), "a call goes through JShell's expression path");
        assertFalse(eval("System.out.print(\"\")").hasValue(), "which knows a void call has no value");
        // an error reads as JShell reports it for the expression as written
        CompilationException e = assertThrows(CompilationException.class, () -> eval("1 +\n  notDeclared * 2"));
        assertTrue(e.traceback().get(0).contains("line 2: cannot find symbol"), e.traceback().toString());
        assertTrue(e.traceback().stream().anyMatch(l -> l.strip().equals("notDeclared * 2")), e.traceback().toString());
        // an exception names the cell's own line
        UserCodeException x = assertThrows(UserCodeException.class, () -> eval("int[] small = new int[2];\n\nsmall[5]"));
        assertEquals("ArrayIndexOutOfBoundsException", x.errorName());
        assertTrue(x.traceback().stream().anyMatch(l -> l.contains("line 3")), x.traceback().toString());
    }

    @Test
    void lastExpressionIsTheRealObject() throws Exception {
        CellResult r = eval("var list = new java.util.ArrayList<Integer>(java.util.List.of(1, 2));\nlist");
        assertTrue(r.hasValue());
        assertTrue(r.value() instanceof ArrayList, "expected the ArrayList itself, got " + r.value());
        // the same instance comes back on every evaluation: nothing was copied or stringified
        assertSame(r.value(), eval("list").value());
    }

    @Test
    void declarationsAndStatementsHaveNoValue() throws Exception {
        assertFalse(eval("int declared = 5;").hasValue());
        assertFalse(eval("for (int i = 0; i < 2; i++) { declared++; }").hasValue());
        assertEquals(7, eval("declared").value());
        assertEquals(CellResult.of(null), eval("(String) null"));
    }

    @Test
    void keepsNoValuesBetweenCells() throws Exception {
        eval("int a1 = 1; a1 + 1; System.out.print(\"\"); a1");
        assertEquals(0, controlOf().keptCount());
    }

    @Test
    void exceptionTracebackNamesCellLines() {
        UserCodeException e = assertThrows(UserCodeException.class, () ->
                evaluator.eval("// a comment\nint z = 0;\n\nint boom() {\n  return 1 / z;\n}\n\n  boom();", "In [42]"));
        assertEquals("ArithmeticException", e.errorName());
        assertEquals("java.lang.ArithmeticException: / by zero", e.traceback().get(0));
        assertEquals("    at boom (In [42], line 5)", e.traceback().get(1));
        assertEquals("    at In [42], line 8", e.traceback().get(2));
    }

    @Test
    void everyWayOfExitingFailsTheCellAndTheKernelStays() throws Exception {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("System.exit(3)", "System.exit(3)");
        calls.put("Runtime.getRuntime().exit(4)", "Runtime.exit(4)");
        calls.put("Runtime.getRuntime().halt(5)", "Runtime.halt(5)");
        calls.put("java.util.function.IntConsumer q = System::exit;\nq.accept(6)", "System.exit(6)");
        calls.put("java.util.function.IntConsumer h = Runtime.getRuntime()::halt;\nh.accept(7)", "Runtime.halt(7)");
        calls.put("java.util.function.ObjIntConsumer<Runtime> e = Runtime::exit;\ne.accept(Runtime.getRuntime(), 8)", "Runtime.exit(8)");
        calls.put("Runnable r = () -> System.exit(9);\nr.run()", "System.exit(9)");
        calls.put("void leave() { System.exit(10); }\nleave()", "System.exit(10)");
        calls.put("class Leaver { void go() { System.exit(11); } }\nnew Leaver().go()", "System.exit(11)");
        for (Map.Entry<String, String> call : calls.entrySet()) {
            UserCodeException e = assertThrows(UserCodeException.class, () -> eval(call.getKey()), call.getKey());
            assertEquals("CellExitException", e.errorName(), call.getKey());
            assertTrue(e.traceback().get(0).contains(call.getValue() + " was called in a cell; the kernel keeps running"),
                    e.traceback().toString());
        }
        assertEquals(4, eval("2 + 2").value());
    }

    @Test
    void methodFromAnEarlierCellIsNamedByThatCell() throws Exception {
        evaluator.eval("\n\nvoid fail() {\n  throw new IllegalStateException(\"x\");\n}", "In [7]");
        UserCodeException e = assertThrows(UserCodeException.class, () -> evaluator.eval("fail();", "In [8]"));
        assertEquals(List.of("java.lang.IllegalStateException: x", "    at fail (In [7], line 4)", "    at In [8], line 1"),
                e.traceback());
    }

    @Test
    void causesAreListed() {
        UserCodeException e = assertThrows(UserCodeException.class, () ->
                eval("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));"));
        assertTrue(e.traceback().contains("Caused by: java.io.IOException: inner"), e.traceback().toString());
    }

    @Test
    void compileErrorMarksTheCellLineAndSpan() {
        CompilationException e = assertThrows(CompilationException.class, () ->
                evaluator.eval("int ok = 1;\n\nint bad = ok + missing;", "In [3]"));
        assertEquals("cannot find symbol", e.getMessage());
        assertEquals("In [3], line 3: cannot find symbol", e.traceback().get(0));
        assertEquals("      symbol:   variable missing", e.traceback().get(1));
        assertFalse(e.traceback().stream().anyMatch(l -> l.strip().equals("location: class")), e.traceback().toString());
        int quoted = e.traceback().indexOf("    int bad = ok + missing;");
        assertTrue(quoted > 0, e.traceback().toString());
        assertEquals("    " + " ".repeat(15) + "^".repeat(7), e.traceback().get(quoted + 1));
    }

    @Test
    void firstErrorStopsTheCell() throws Exception {
        assertThrows(UserCodeException.class, () -> eval("int reached = 1;\nif (true) throw new IllegalStateException();\nreached = 2;"));
        assertEquals(1, eval("reached").value());
    }

    @Test
    void interruptStopsABusyLoopWithinFourSecondsAndTheNextCellRuns() throws Exception {
        CompletableFuture<Throwable> cell = CompletableFuture.supplyAsync(() -> {
            try {
                eval("while (true) { }");
                return null;
            } catch (CellException e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!controlOf().isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        assertEquals(CellExecutionControl.InterruptOutcome.STOPPED, evaluator.interrupt());
        Throwable thrown = cell.get(4, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 4.0, "took " + seconds + " s");
        UserCodeException e = (UserCodeException) thrown;
        assertEquals("CellInterruptedException", e.errorName());
        assertEquals(3, eval("1 + 2").value());
    }

    @Test
    void interruptBeforeASnippetRunsCancelsTheRestOfTheCell() throws Exception {
        evaluator.beginCell();
        evaluator.interrupt(); // as if it arrived while the cell was being compiled
        UserCodeException e = assertThrows(UserCodeException.class, () -> evaluator.eval("int never = 1;\nnever", "In [9]"));
        assertEquals("CellInterruptedException", e.errorName());
        assertThrows(CompilationException.class, () -> eval("never"), "the cancelled declaration must not exist");
    }

    @Test
    void interruptWithNothingRunningDoesNothing() throws Exception {
        assertEquals(CellExecutionControl.InterruptOutcome.NOTHING_RUNNING, evaluator.interrupt());
    }

    @Test
    void startupScriptEvaluatesCleanly() throws Exception {
        CellEvaluator fresh = CellEvaluator.start(NotebookClassPath.open());
        try {
            fresh.eval(new String(getClass().getResourceAsStream("/org/spectraledge/kernel/startup.jsh").readAllBytes()), "startup.jsh");
            // the notebook API is in scope without qualification
            assertEquals("org.spectraledge.kernel.display.Markdown", fresh.eval("md(\"x\")", "t").value().getClass().getName());
        } finally {
            fresh.close();
        }
    }

    private static CellExecutionControl controlOf() {
        return evaluator.control();
    }
}
