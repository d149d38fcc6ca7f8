package org.spectraledge.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A scorecard of the framework's claims (framework §3–7) with the thesis' value, the value measured here and the
 * verdict, in two kinds (framework §7b): <b>predictions</b>, which the data could have refuted, each with its verdict
 * rule written before the data, the measured value with its interval, the control's value and N; and <b>checks</b>,
 * which cannot fail (an algebraic identity, a fitted constant, a threshold that pure noise also passes), each saying
 * why. The verdict is whatever the caller's explicit rule says about the measured value, never edited afterwards.
 *
 * <pre>{@code
 * Scorecard card = new Scorecard("Weight decay at the author's setting");
 * card.addPrediction("§7 with ω = 1 every run groks", "24/24", "rate ≥ 0.9 and its Wilson interval above ω = 0's",
 *         "8/8 = 1.00 [0.68, 1.00]", "ω = 0: 0/8 [0.00, 0.32]", "8 per arm", true);
 * card.addCheck("§6 gap-flow identity", "exact", "max error 1e-15", "an algebraic identity", true);
 * display(card.table());
 * }</pre>
 */
public final class Scorecard {

    /** The outcome of one row. */
    public enum Verdict {
        /** The measured value meets the row's stated rule. */
        CONFIRMED,
        /** It does not. */
        NOT_CONFIRMED;

        /** {@code confirmed} / {@code not confirmed}. */
        public String label() { return this == CONFIRMED ? "confirmed" : "not confirmed"; }
    }

    /** Whether a row could have failed. */
    public enum Kind {
        /** The data could have refuted it. */
        PREDICTION,
        /** It cannot fail; shown apart so that it is not counted as support. */
        CHECK;

        /** {@code prediction} / {@code check}. */
        public String label() { return this == PREDICTION ? "prediction" : "check"; }
    }

    /**
     * One row.
     *
     * @param kind     prediction or check
     * @param claim    what the thesis claims, with its framework section
     * @param thesis   the thesis' value (its number or the qualitative statement)
     * @param rule     for a prediction the verdict rule, written before the data; for a check why it cannot fail
     * @param measured our measured value, with its interval, units and setting
     * @param control  the control's value (a prediction); "" for a check
     * @param n        how many runs (per arm) the value rests on, e.g. "8 per arm"
     * @param verdict  whether the measured value meets the rule
     */
    public record Entry(Kind kind, String claim, String thesis, String rule, String measured, String control, String n,
                        Verdict verdict) {
        public Entry {
            if (claim == null || claim.isBlank()) throw new IllegalArgumentException("a scorecard entry needs the claim's text");
            if (kind == null || thesis == null || rule == null || measured == null || control == null || n == null || verdict == null) {
                throw new IllegalArgumentException("entry '" + claim + "' needs a kind, thesis value, rule, measured value, control, N and verdict");
            }
            if (kind == Kind.PREDICTION && (rule.isBlank() || n.isBlank())) {
                throw new IllegalArgumentException("prediction '" + claim + "' needs its verdict rule and its N");
            }
            if (kind == Kind.CHECK && rule.isBlank()) {
                throw new IllegalArgumentException("check '" + claim + "' needs the reason it cannot fail");
            }
        }
    }

    private final String title;
    private final List<Entry> entries = new ArrayList<>();

    /** An empty scorecard; {@code title} becomes the table's name. */
    public Scorecard(String title) {
        this.title = title;
    }

    /**
     * Adds a prediction.
     *
     * @param rule      the verdict rule, as written before the data
     * @param measured  the measured value with its interval
     * @param control   the control's value (what the same measurement gives where the claim says it should not hold)
     * @param n         runs per arm
     * @param confirmed the rule applied to the measured value
     */
    public Scorecard addPrediction(String claim, String thesis, String rule, String measured, String control, String n,
                                   boolean confirmed) {
        entries.add(new Entry(Kind.PREDICTION, claim, thesis, rule, measured, control, n, verdict(confirmed)));
        return this;
    }

    /**
     * Adds a check: a row that cannot fail.
     *
     * @param whyItCannotFail e.g. "an algebraic identity", "pure noise passes the same threshold"
     */
    public Scorecard addCheck(String claim, String thesis, String measured, String whyItCannotFail, String n, boolean holds) {
        entries.add(new Entry(Kind.CHECK, claim, thesis, whyItCannotFail, measured, "", n, verdict(holds)));
        return this;
    }

    private static Verdict verdict(boolean ok) {
        return ok ? Verdict.CONFIRMED : Verdict.NOT_CONFIRMED;
    }

    /** The rows, in insertion order. */
    public List<Entry> entries() { return List.copyOf(entries); }

    /** Number of rows of a kind with the given verdict. */
    public long count(Kind kind, Verdict verdict) {
        return entries.stream().filter(e -> e.kind() == kind && e.verdict() == verdict).count();
    }

    /**
     * The table {@code kind, claim, thesis value, rule, measured, control, N, verdict}, predictions first, named e.g.
     * "title: 3 of 5 predictions confirmed; 2 checks".
     */
    public Table table() {
        StringColumn kind = StringColumn.create("kind");
        StringColumn claim = StringColumn.create("claim");
        StringColumn thesis = StringColumn.create("thesis value");
        StringColumn rule = StringColumn.create("rule (or why it cannot fail)");
        StringColumn measured = StringColumn.create("measured");
        StringColumn control = StringColumn.create("control");
        StringColumn n = StringColumn.create("N");
        StringColumn verdict = StringColumn.create("verdict");
        for (Kind k : Kind.values()) {
            for (Entry e : entries) {
                if (e.kind() != k) continue;
                kind.append(k.label());
                claim.append(e.claim());
                thesis.append(e.thesis());
                rule.append(e.rule());
                measured.append(e.measured());
                control.append(e.control());
                n.append(e.n());
                verdict.append(e.verdict().label());
            }
        }
        long predictions = entries.stream().filter(e -> e.kind() == Kind.PREDICTION).count();
        String name = String.format(Locale.ROOT, "%s: %d of %d predictions confirmed; %d checks", title,
                count(Kind.PREDICTION, Verdict.CONFIRMED), predictions, entries.size() - predictions);
        return Table.create(name, kind, claim, thesis, rule, measured, control, n, verdict);
    }
}
