package org.spectraledge.options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line arguments: {@code --name value}, {@code --name=value}, short aliases such as {@code -o},
 * boolean flags, and positional arguments. Every lookup that fails says which argument and what was expected.
 */
public final class Arguments {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> all = new java.util.LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param args         the raw arguments
     * @param withValue    option names (without dashes) that take a value
     * @param flags        option names that take none
     * @param aliases      short alias → option name, e.g. {@code o → output}
     */
    public Arguments(List<String> args, Set<String> withValue, Set<String> flags, Map<String, String> aliases) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1 && !isNumber(a)) {
                String body = a.startsWith("--") ? a.substring(2) : a.substring(1);
                String inline = null;
                int eq = body.indexOf('=');
                if (eq >= 0) { inline = body.substring(eq + 1); body = body.substring(0, eq); }
                String name = a.startsWith("--") ? body : aliases.getOrDefault(body, body);
                if (flags.contains(name)) {
                    if (inline != null) throw new UsageException("option --" + name + " takes no value");
                    values.put(name, "true");
                } else if (withValue.contains(name)) {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size()) throw new UsageException("option " + a + " needs a value");
                        v = args.get(++i);
                    }
                    values.put(name, v);
                    all.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                } else {
                    throw new UsageException("unknown option " + a);
                }
            } else {
                positional.add(a);
            }
        }
    }

    public List<String> positional() { return List.copyOf(positional); }

    /** Every value-taking option with all the values it was given, in order of first appearance. */
    public Map<String, List<String>> valueOptions() { return java.util.Collections.unmodifiableMap(all); }

    public boolean flag(String name) { return values.containsKey(name); }

    public boolean has(String name) { return values.containsKey(name); }

    public String string(String name, String fallback) { return values.getOrDefault(name, fallback); }

    /** An integer option in [min, max]. */
    public int integer(String name, int fallback, int min, int max) {
        if (!values.containsKey(name)) return fallback;
        String v = values.get(name);
        try {
            int x = Integer.parseInt(v.strip());
            if (x < min || x > max) throw new UsageException("--" + name + " must lie in [" + min + ", " + max + "], got " + x);
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    /** A finite number option greater than {@code above}. */
    public double number(String name, double fallback, double above) {
        if (!values.containsKey(name)) return fallback;
        String v = values.get(name);
        try {
            double x = Double.parseDouble(v.strip());
            if (!Double.isFinite(x) || x <= above) throw new UsageException("--" + name + " must be a number > " + above + ", got " + v);
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
