package org.spectraledge.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that a {@code .npy} header uses, for example
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}.
 *
 * <p>Values become {@link String}, {@link Long} (an {@code L} suffix written by Python 2 is accepted),
 * {@link Boolean}, {@code null} for {@code None}, {@link List} for tuples and lists, and {@link Map} for
 * dicts. Nothing is evaluated; anything else is rejected with the position of the offending character.
 */
final class PyLiteral {
    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}, which must hold one dict literal and nothing else but whitespace.
     *
     * @throws IllegalArgumentException naming the position and the unexpected character
     */
    static Map<String, Object> parseDict(String text) {
        PyLiteral p = new PyLiteral(text);
        p.skipSpace();
        if (!p.at('{')) throw p.error("expected '{' to start the header dict");
        Map<String, Object> dict = p.dict();
        p.skipSpace();
        if (p.pos != text.length()) throw p.error("unexpected text after the header dict");
        return dict;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) throw error("header ends where a value was expected");
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') return string();
        if (c == '(') return sequence('(', ')');
        if (c == '[') return sequence('[', ']');
        if (c == '{') return dict();
        if (c == '-' || Character.isDigit(c)) return integer();
        if (text.startsWith("True", pos)) return keyword("True", Boolean.TRUE);
        if (text.startsWith("False", pos)) return keyword("False", Boolean.FALSE);
        if (text.startsWith("None", pos)) return keyword("None", null);
        throw error("unexpected character");
    }

    private Map<String, Object> dict() {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (at('}')) break;
            Object key = value();
            if (!(key instanceof String)) throw error("dict keys must be strings");
            skipSpace();
            expect(':');
            map.put((String) key, value());
            skipSpace();
            if (at('}')) break;
            expect(',');
        }
        expect('}');
        return map;
    }

    private List<Object> sequence(char open, char close) {
        expect(open);
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at(close)) break;
            items.add(value());
            skipSpace();
            if (at(close)) break;
            expect(',');
        }
        expect(close);
        return items;
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            // Headers never need escapes beyond a literal next character (\' or \\).
            if (c == '\\' && pos < text.length()) c = text.charAt(pos++);
            sb.append(c);
        }
        if (pos >= text.length()) throw error("unterminated string");
        pos++;
        return sb.toString();
    }

    private Long integer() {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        String digits = text.substring(start, pos);
        if (at('L') || at('l')) pos++;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("not an integer that fits in 64 bits");
        }
    }

    private Object keyword(String word, Object value) {
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (!at(c)) throw error("expected '" + c + "'");
        pos++;
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String what) {
        String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of header";
        return new IllegalArgumentException(what + " at position " + pos + " (found " + found + ") in header "
                + text.strip());
    }
}
