package org.spectraledge.kernel.magics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;

/**
 * Runs a whole notebook cell: Java goes to the {@link CellEvaluator}, magics to {@link Magics}.
 *
 * <ul>
 *   <li>A cell whose first line is {@code %%name args} is handed whole to that cell magic.</li>
 *   <li>Otherwise every line that starts (in column 0) with {@code %} and a letter is a line magic;
 *       the Java between them runs in order, with errors naming the cell's own lines.</li>
 * </ul>
 * The cell's value is that of its last part (Java expression or magic).
 *
 * <p>A magic's argument line may use the notebook's variables, as in a shell: {@code $name} is replaced by
 * {@code String.valueOf(name)} and {@code ${expression}} by {@code String.valueOf(expression)}, both evaluated in
 * the notebook (so {@code %train --p $p --wd ${2 * omega}} follows a parameter cell); {@code $$} is a literal
 * {@code $}. A {@code $} followed by anything else stays as it is. The body of a cell magic is not expanded.
 */
public final class CellRunner {

    private static final Pattern MAGIC = Pattern.compile("%([A-Za-z][\\w-]*)(.*)", Pattern.DOTALL);

    private final CellEvaluator evaluator;
    private final Magics magics;

    public CellRunner(CellEvaluator evaluator, Magics magics) {
        this.evaluator = evaluator;
        this.magics = magics;
    }

    public CellResult run(String cell, String label) throws CellException {
        if (cell.startsWith("%%")) {
            int nl = cell.indexOf('\n');
            String header = nl < 0 ? cell.substring(2) : cell.substring(2, nl);
            String body = nl < 0 ? "" : cell.substring(nl + 1);
            MagicCall call = parse(header, body, 1, label);
            return magics.run(withArgs(call, expand(call)), true);
        }
        CellResult last = CellResult.NONE;
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(lines[i]);
            if (!m.matches()) {
                java.append(lines[i]).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                last = evaluator.eval(java.toString(), label, javaStart);
            }
            java.setLength(0);
            javaStart = i + 2;
            MagicCall call = new MagicCall(m.group(1), m.group(2).strip(), "", i + 1, label);
            last = magics.run(withArgs(call, expand(call)), false);
        }
        if (!java.toString().isBlank()) {
            last = evaluator.eval(java.toString(), label, javaStart);
        }
        return last;
    }

    private static MagicCall withArgs(MagicCall call, String args) {
        return new MagicCall(call.name(), args, call.body(), call.line(), call.label());
    }

    /** The call's arguments with {@code $name}, {@code ${expression}} and {@code $$} replaced (see the class doc). */
    private String expand(MagicCall call) throws CellException {
        String args = call.args();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < args.length()) {
            char c = args.charAt(i);
            if (c != '$' || i + 1 == args.length()) {
                out.append(c);
                i++;
            } else if (args.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (args.charAt(i + 1) == '{') {
                int close = closingBrace(args, i + 1);
                if (close < 0) throw new MagicException(call, "unclosed ${ in the arguments: " + args.substring(i)
                        + "; write ${expression} to use a Java value, or $$ for a literal $");
                out.append(value(call, args.substring(i + 2, close)));
                i = close + 1;
            } else if (Character.isJavaIdentifierStart(args.charAt(i + 1))) {
                int end = i + 2;
                while (end < args.length() && Character.isJavaIdentifierPart(args.charAt(end))) end++;
                out.append(value(call, args.substring(i + 1, end)));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index of the brace closing the one at {@code open}, counting nested braces; −1 if none. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            if (s.charAt(j) == '{') depth++;
            else if (s.charAt(j) == '}' && --depth == 0) return j;
        }
        return -1;
    }

    private String value(MagicCall call, String expression) throws CellException {
        if (expression.isBlank()) throw new MagicException(call, "empty ${} in the arguments; put a Java expression inside");
        try {
            return String.valueOf(evaluator.eval("String.valueOf(" + expression + ")", call.label(), call.line()).value());
        } catch (CellException e) {
            throw new MagicException(call, "cannot use the value of '" + expression + "' in %" + call.name() + ": "
                    + e.getMessage());
        }
    }

    private static MagicCall parse(String header, String body, int line, String label) throws CellException {
        Matcher m = MAGIC.matcher("%" + header);
        if (!m.matches()) {
            MagicCall bad = new MagicCall("?", header, body, line, label);
            throw new MagicException(bad, "a cell magic line reads %%name [args], got %%" + header);
        }
        return new MagicCall(m.group(1), m.group(2).strip(), body, line, label);
    }
}
