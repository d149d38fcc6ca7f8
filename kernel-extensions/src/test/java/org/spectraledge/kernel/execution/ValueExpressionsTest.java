package org.spectraledge.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which snippets run as the declaration of a variable that holds their value, and which are left to JShell. */
class ValueExpressionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1+1", "x", "x\n", "1+1;", "a.b.c", "a[0] * 2", "(String) null", "\"a;b // c\" + 'c'",
            "1e-5 + .5", "x > 0 ? a : b", "new Foo().x", "-n", "!done && ok", "a >> 2", "\n\nvalue"})
    void plainValueExpressionsAreRewritten(String source) {
        Optional<String> declaration = ValueExpressions.asDeclaration(source);
        assertTrue(declaration.isPresent(), source);
        String expected = source.stripTrailing();
        expected = expected.endsWith(";") ? expected.substring(0, expected.length() - 1) : expected;
        assertEquals("Object $spectralEdgeCellValue = " + expected + ";", declaration.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "f()", "\"x\".length()", "(1 + 2)", "new Foo()", "int x = 1", "x = 2", "x += 1", "x++",
            "List<String> xs", "a < b && c > d", "Foo bar", "Foo[] a", "var v", "() -> 1", "String::valueOf", "{ x }",
            "// c\n1", "1 // c", "1 /* c */", "\"\"\"\ntext\"\"\"", "this", "x instanceof String s", "new int[3]",
            "if (a) b", "return x", "@Deprecated x", "\"unclosed"})
    void everythingElseIsLeftToJShell(String source) {
        assertEquals(Optional.empty(), ValueExpressions.asDeclaration(source), source);
    }
}
