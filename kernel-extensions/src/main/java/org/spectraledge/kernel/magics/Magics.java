package org.spectraledge.kernel.magics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;

/**
 * The registry of line magics ({@code %name args}) and cell magics ({@code %%name args} on a
 * cell's first line). Each entry has a usage line, shown by {@code %lsmagic} and by every error
 * about bad arguments.
 */
public final class Magics {

    /** A registered magic with its usage text, e.g. {@code %classpath JAR|DIR|DIR/* ...}. */
    public record Entry(String usage, String summary, Magic magic, ArgumentCompleter completer) {
        public Entry(String usage, String summary, Magic magic) {
            this(usage, summary, magic, ArgumentCompleter.NONE);
        }
    }

    /** Completes a magic's arguments: candidates for the word being typed. */
    @FunctionalInterface
    public interface ArgumentCompleter {
        /** Completes nothing. */
        ArgumentCompleter NONE = (before, word) -> List.of();

        /**
         * @param before the complete arguments before the word being typed
         * @param word   the part of the word typed so far (may be empty)
         * @return whole words that start with {@code word}
         */
        List<String> complete(List<String> before, String word);
    }

    /**
     * Completion of a line magic's arguments.
     *
     * @param matches   candidate words
     * @param wordStart offset in the line magic's text where the word being replaced starts
     */
    public record Completion(List<String> matches, int wordStart) {}

    /** {@code %name} and a space, then the arguments typed so far. */
    private static final Pattern MAGIC_WITH_ARGS = Pattern.compile("%([A-Za-z][\\w-]*)\\s(.*)", Pattern.DOTALL);

    private final Map<String, Entry> lineMagics = new TreeMap<>();
    private final Map<String, Entry> cellMagics = new TreeMap<>();

    public Magics() {
        lineMagics.put("lsmagic", new Entry("%lsmagic", "list the magics", call -> CellResult.of(list())));
    }

    public Magics line(String name, String usage, String summary, Magic magic) {
        lineMagics.put(name, new Entry(usage, summary, magic));
        return this;
    }

    /** Registers a line magic whose arguments complete with {@code completer}. */
    public Magics line(String name, String usage, String summary, Magic magic, ArgumentCompleter completer) {
        lineMagics.put(name, new Entry(usage, summary, magic, completer));
        return this;
    }

    public Magics cell(String name, String usage, String summary, Magic magic) {
        cellMagics.put(name, new Entry(usage, summary, magic));
        return this;
    }

    /** Runs a line magic ({@code cellMagic} false) or a cell magic. */
    public CellResult run(MagicCall call, boolean cellMagic) throws CellException {
        Entry entry = (cellMagic ? cellMagics : lineMagics).get(call.name());
        if (entry == null) {
            throw new MagicException(call, "unknown magic " + (cellMagic ? "%%" : "%") + call.name() + "; %lsmagic lists the magics");
        }
        return entry.magic().run(call);
    }

    /** The line magic {@code %name}, if there is one (for {@code %help}). */
    public Optional<Entry> lineMagic(String name) {
        return Optional.ofNullable(lineMagics.get(name));
    }

    /** The cell magic {@code %%name}, if there is one. */
    public Optional<Entry> cellMagic(String name) {
        return Optional.ofNullable(cellMagics.get(name));
    }

    /**
     * Completes the arguments of a line magic: {@code line} is the text from the {@code %} up to the cursor, e.g.
     * {@code %train --task a}. Empty when the line names no magic with a completer or nothing matches.
     */
    public Completion completeArguments(String line) {
        Matcher m = MAGIC_WITH_ARGS.matcher(line);
        if (!m.matches() || !lineMagics.containsKey(m.group(1))) return new Completion(List.of(), line.length());
        String args = m.group(2);
        int wordStart = args.length();
        while (wordStart > 0 && !Character.isWhitespace(args.charAt(wordStart - 1))) wordStart--;
        String word = args.substring(wordStart);
        List<String> before = MagicCall.split(args.substring(0, wordStart));
        List<String> matches = lineMagics.get(m.group(1)).completer().complete(before, word).stream()
                .filter(c -> c.startsWith(word)).sorted().collect(Collectors.toList());
        return new Completion(matches, m.start(2) + wordStart);
    }

    /** Names of the line magics, for completion. */
    public Set<String> lineMagicNames() {
        return lineMagics.keySet();
    }

    /** The {@code %lsmagic} text: one usage line and summary per magic. */
    public String list() {
        return "Line magics:\n" + describe(lineMagics) + "\nCell magics:\n" + describe(cellMagics);
    }

    private static String describe(Map<String, Entry> magics) {
        return magics.values().stream()
                .map(e -> String.format("  %-32s %s", e.usage(), e.summary()))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
