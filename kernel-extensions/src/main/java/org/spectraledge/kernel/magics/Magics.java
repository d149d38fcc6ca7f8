package org.spectraledge.kernel.magics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    public record Entry(String usage, String summary, Magic magic) {}

    private final Map<String, Entry> lineMagics = new TreeMap<>();
    private final Map<String, Entry> cellMagics = new TreeMap<>();

    public Magics() {
        lineMagics.put("lsmagic", new Entry("%lsmagic", "list the magics", call -> CellResult.of(list())));
    }

    public Magics line(String name, String usage, String summary, Magic magic) {
        lineMagics.put(name, new Entry(usage, summary, magic));
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
