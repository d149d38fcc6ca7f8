package org.spectraledge.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion, inspection and is-complete on multi-snippet cells. */
class CodeAssistantTest {

    static CellEvaluator evaluator;
    static CodeAssistant assistant;

    @BeforeAll
    static void start() throws Exception {
        evaluator = CellEvaluator.start(NotebookClassPath.open());
        evaluator.eval("String greeting = \"hi\";", "In [1]");
        assistant = new CodeAssistant(evaluator);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void completesInTheSnippetAtTheCursor() {
        String code = "int x = 1;\nMath.ma";
        CodeAssistant.Completion c = assistant.complete(code, code.length());
        assertEquals(List.of("max("), c.matches(), "overloads are listed once");
        assertEquals(code.length() - 2, c.start());
        assertEquals(code.length(), c.end());
    }

    @Test
    void completesMembersOfEarlierVariables() {
        String code = "greeting.toUpp";
        CodeAssistant.Completion c = assistant.complete(code, code.length());
        assertEquals(List.of("toUpperCase("), c.matches());
        assertEquals(9, c.start());
    }

    @Test
    void completesOnlyBeforeTheCursor() {
        String code = "Math.ma + 1";
        assertTrue(assistant.complete(code, 7).matches().contains("max("));
    }

    @Test
    void inspectsMethodNamesAndCalls() {
        String onName = assistant.inspect("Math.max(1, 2)", 6, false).orElseThrow();
        assertTrue(onName.contains("int Math.max(int a, int b)"), onName);
        String inArgs = assistant.inspect("Math.max(1, 2)", 10, false).orElseThrow();
        assertTrue(inArgs.contains("double Math.max(double a, double b)"), inArgs);
        assertTrue(assistant.inspect("1 + 1", 2, false).isEmpty());
    }

    @Test
    void tellsCompleteIncompleteAndInvalidCode() {
        assertEquals(new CodeAssistant.Verdict(CodeAssistant.Status.COMPLETE, ""), assistant.isComplete("int a = 1;\nint b = 2;"));
        assertEquals(new CodeAssistant.Verdict(CodeAssistant.Status.COMPLETE, ""), assistant.isComplete("a + b"));
        assertEquals(new CodeAssistant.Verdict(CodeAssistant.Status.INCOMPLETE, "    "),
                assistant.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(new CodeAssistant.Verdict(CodeAssistant.Status.INCOMPLETE, "  "),
                assistant.isComplete("void f() {\n  int y = 1 +"));
        assertEquals(CodeAssistant.Status.INVALID, assistant.isComplete("int a = 1;\n)(").status());
    }
}
