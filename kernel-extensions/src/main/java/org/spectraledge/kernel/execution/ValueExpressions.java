package org.spectraledge.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes snippets that are plainly an expression with a value ({@code 1+1}, {@code chart}, {@code run.summary},
 * {@code a[i] * 2}) and rewrites them as the declaration of a variable of type {@code Object} ({@link #VARIABLE})
 * initialized with it, which the evaluator drops once it has the value.
 *
 * <p>Why: a variable with an explicit type costs JShell three javac tasks (parse, analyze, compile). An expression costs
 * one more, to learn its type for a {@code $N} variable the kernel does not keep, and so does a statement (a trial
 * compile that looks for unreachable code); the rewrite spares a value expression that extra task. Figures:
 * docs/benchmarks.md#cell-compile-time. The recognition is lexical and conservative: only literals, names,
 * {@code new}, field and array access, casts and operators, not ending in {@code )} (so never a method call, which
 * may be {@code void}), with no assignment, lambda, block, comment, text block or generic type arguments. Everything
 * else, and any rewritten snippet that does not compile, goes through JShell's own expression path unchanged, so a
 * rewrite can only make a cell faster, never change its meaning or its error messages.
 */
final class ValueExpressions {

    /** The variable a value expression initializes; the evaluator drops it after each snippet. */
    static final String VARIABLE = "$spectralEdgeCellValue";

    /** Keywords an expression of this kind may contain; every other keyword means a statement or declaration. */
    private static final Set<String> ALLOWED_KEYWORDS = Set.of("true", "false", "null", "new", "instanceof");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "int", "interface", "long", "native",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "yield",
            "record", "sealed", "permits", "non-sealed", "module", "open", "exports", "requires");
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "%", "!", "~", "&", "|", "^", "<", ">",
            "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", ">>>", "?", ":");
    private static final String OPERATOR_CHARS = "=!<>&|+-*/%^~?:";

    private enum Kind { WORD, LITERAL, OPERATOR, PUNCTUATION }

    private record Token(Kind kind, String text) {}

    private ValueExpressions() {}

    /** {@code source} rewritten as a declaration of {@link #VARIABLE}, if it is plainly a value expression. */
    static Optional<String> asDeclaration(String source) {
        // leading blank lines stay: the expression keeps its line numbers in stack traces
        String expression = source.stripTrailing();
        if (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1).stripTrailing();
        }
        List<Token> tokens = tokens(expression);
        return tokens != null && isValueExpression(tokens)
                ? Optional.of("Object " + VARIABLE + " = " + expression + ";") : Optional.empty();
    }

    private static boolean isValueExpression(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).text().equals(")")) {
            return false; // nothing, or a call (maybe void), a constructor or a parenthesized expression
        }
        boolean less = false;
        boolean greater = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.WORD && KEYWORDS.contains(t.text())) {
                return false;
            }
            less |= t.text().equals("<");
            greater |= t.text().startsWith(">");
            if (i > 0) {
                Token before = tokens.get(i - 1);
                boolean words = isOperand(before) && isOperand(t)
                        && !before.text().equals("new") && !before.text().equals("instanceof") && !t.text().equals("instanceof");
                if (words || (before.text().equals("]") && isOperand(t))) {
                    return false; // a declaration: Type name, Type[] name
                }
            }
        }
        return !(less && greater); // List<String> xs declares; comparisons both ways are left to JShell too
    }

    private static boolean isOperand(Token t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.LITERAL;
    }

    /** The tokens of {@code s}, or null where it holds anything this class does not accept. */
    private static List<Token> tokens(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                if (s.startsWith("\"\"\"", i)) {
                    return null; // a text block
                }
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\n') {
                        return null;
                    }
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= s.length()) {
                    return null;
                }
                i++;
                tokens.add(new Token(Kind.LITERAL, s.substring(start, i)));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                        || ((s.charAt(i) == '+' || s.charAt(i) == '-') && "eEpP".indexOf(s.charAt(i - 1)) >= 0))) {
                    i++;
                }
                tokens.add(new Token(Kind.LITERAL, s.substring(start, i)));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i)));
            } else if ("()[].,".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c)));
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                while (i < s.length() && OPERATOR_CHARS.indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                String op = s.substring(start, i);
                if (!OPERATORS.contains(op)) {
                    return null; // =, +=, ++, ->, ::, a comment, or operators run together
                }
                tokens.add(new Token(Kind.OPERATOR, op));
            } else {
                return null; // { } ; @ and the rest
            }
        }
        return tokens;
    }
}
