package org.spectraledge.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A scorecard of the framework's checkable predictions (framework §3–7): for each, the thesis' value, the value measured
 * here and the verdict. A prediction that fails at our scale is recorded as failing: the verdict is whatever the
 * caller's explicit criterion says about the measured value, never edited afterwards.
 *
 * <pre>{@code
 * Scorecard card = new Scorecard("Spectral edge at small scale");
 * card.add("§3 BBP is vacuous: σ_W/d_crit ≫ 1", "20–300×", String.format("%.1f×", minRatio), minRatio > 1);
 * display(card.table());
 * }</pre>
 */
public final class Scorecard {

    /** The outcome of one prediction. */
    public enum Verdict {
        /** The measured value meets the prediction's stated criterion. */
        CONFIRMED,
        /** It does not. */
        NOT_CONFIRMED;

        /** {@code confirmed} / {@code not confirmed}. */
        public String label() { return this == CONFIRMED ? "confirmed" : "not confirmed"; }
    }

    /**
     * One row.
     *
     * @param prediction what the thesis claims, with its framework section
     * @param thesis     the thesis' value (its number or the qualitative statement)
     * @param measured   our measured value, as text with its units and setting
     * @param verdict    whether the measured value meets the criterion
     */
    public record Entry(String prediction, String thesis, String measured, Verdict verdict) {
        public Entry {
            if (prediction == null || prediction.isBlank()) throw new IllegalArgumentException("a scorecard entry needs the prediction's text");
            if (thesis == null || measured == null || verdict == null) {
                throw new IllegalArgumentException("entry '" + prediction + "' needs a thesis value, a measured value and a verdict");
            }
        }
    }

    private final String title;
    private final List<Entry> entries = new ArrayList<>();

    /** An empty scorecard; {@code title} becomes the table's name. */
    public Scorecard(String title) {
        this.title = title;
    }

    /** Adds a row; {@code confirmed} is the result of the criterion applied to the measured value. */
    public Scorecard add(String prediction, String thesis, String measured, boolean confirmed) {
        entries.add(new Entry(prediction, thesis, measured, confirmed ? Verdict.CONFIRMED : Verdict.NOT_CONFIRMED));
        return this;
    }

    /** The rows, in insertion order. */
    public List<Entry> entries() { return List.copyOf(entries); }

    /** Number of rows with the given verdict. */
    public long count(Verdict verdict) {
        return entries.stream().filter(e -> e.verdict() == verdict).count();
    }

    /**
     * The table {@code prediction, thesis value, measured, verdict}, named e.g. "title: 7 of 11 confirmed".
     */
    public Table table() {
        StringColumn prediction = StringColumn.create("prediction");
        StringColumn thesis = StringColumn.create("thesis value");
        StringColumn measured = StringColumn.create("measured");
        StringColumn verdict = StringColumn.create("verdict");
        for (Entry e : entries) {
            prediction.append(e.prediction());
            thesis.append(e.thesis());
            measured.append(e.measured());
            verdict.append(e.verdict().label());
        }
        String name = String.format(Locale.ROOT, "%s: %d of %d confirmed", title, count(Verdict.CONFIRMED), entries.size());
        return Table.create(name, prediction, thesis, measured, verdict);
    }
}
