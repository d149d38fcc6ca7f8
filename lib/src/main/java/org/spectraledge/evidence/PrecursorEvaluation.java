package org.spectraledge.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.spectraledge.events.GapCriterion;
import org.spectraledge.stats.BootstrapInterval;
import org.spectraledge.stats.Estimate;
import org.spectraledge.stats.FisherExact;
import org.spectraledge.stats.RocCurve;
import org.spectraledge.stats.WilsonInterval;

/**
 * The result of {@link PrecursorEvaluator}: alarm table, its search-start sensitivity, lead times, and the ROC of each
 * score at the cutoff, with the settings that produced them. {@link #report()} renders it as plain text with N per
 * class beside every figure; {@link #writeCsv(Path)} writes its tables.
 *
 * @param sweep the sweep folder the runs came from
 * @param settings everything the evaluation depended on
 * @param alarms the alarm table at the stated search start
 * @param searchStart the alarm table at the shifted search starts
 * @param leadTimes the lead-time distribution
 * @param scoredRuns the ROC inputs
 * @param rocs one ROC per {@link CutoffScore}
 * @param warnings facts about the input worth a look that do not stop the evaluation (e.g. a run whose summary's grok
 *     step differs from the first eval reaching the grok accuracy)
 */
public record PrecursorEvaluation(Path sweep, PrecursorSettings settings, AlarmTable alarms,
                                  SearchStartSensitivity searchStart, LeadTimes leadTimes, List<ScoredRun> scoredRuns,
                                  List<ScoreRoc> rocs, List<String> warnings) {
    /** The files {@link #writeCsv} writes besides one {@code roc-SCORE.csv} per computable ROC. */
    public static final List<String> CSV_FILES = List.of("alarm-table.csv", "runs.csv", "scores.csv");

    public PrecursorEvaluation {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(searchStart, "searchStart");
        Objects.requireNonNull(leadTimes, "leadTimes");
        scoredRuns = List.copyOf(scoredRuns);
        rocs = List.copyOf(rocs);
        warnings = List.copyOf(warnings);
    }

    /** The ROC of one score. */
    public ScoreRoc roc(CutoffScore score) {
        return rocs.stream().filter(r -> r.score() == score).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ text report

    /** The {@link #report()}: what a notebook or JShell shows for an evaluation. */
    @Override
    public String toString() {
        return report();
    }

    /** The plain-text report. */
    public String report() {
        StringBuilder b = new StringBuilder();
        AlarmTable a = alarms;
        int np = a.nPositive(), nn = a.nNegative();
        b.append("Gap event as a precursor of grokking (framework §7b)\n");
        b.append("sweep: ").append(sweep).append('\n');
        b.append("settings: ").append(settings.describe()).append('\n');
        b.append(String.format(Locale.ROOT, "runs: N = %d (n+ = %d grokked, n- = %d did not)%n", np + nn, np, nn));
        for (String w : warnings) b.append("warning: ").append(w).append('\n');

        b.append(String.format(Locale.ROOT, "%nAlarm table (search start s = %d windows, horizon H = %d steps)%n",
                a.settleWindows(), a.horizon()));
        line(b, "true alarms", a.trueAlarms() + " of n+ = " + np + "  (lead time in (0, H])");
        line(b, "early alarms", a.count(AlarmKind.EARLY_ALARM) + " of n+ = " + np + "  (lead time > H: false alarm and miss)");
        line(b, "late events", a.count(AlarmKind.LATE_EVENT) + " of n+ = " + np + "  (event at or after grokking)");
        line(b, "no event", a.count(AlarmKind.NO_EVENT) + " of n+ = " + np);
        line(b, "misses", a.misses() + " of n+ = " + np);
        line(b, "negative alarms", a.negativeAlarms() + " of n- = " + nn);
        line(b, "false alarms", a.falseAlarms() + "  (" + a.negativeAlarms() + " in n- = " + nn + " negatives + "
                + a.count(AlarmKind.EARLY_ALARM) + " early in n+ = " + np + " positives)");
        line(b, "sensitivity", rate(a.sensitivity()) + ", n+ = " + np);
        line(b, "false-alarm rate", rate(a.falseAlarmRate()) + ", n- = " + nn + " (negatives with an event)");
        line(b, "early-alarm rate", rate(a.earlyAlarmRate()) + ", n+ = " + np);
        line(b, "Fisher exact", a.fisher().describe(f -> String.format(Locale.ROOT,
                "odds ratio %s, p = %.4g (true alarms in n+ = %d vs alarms in n- = %d)", number(f.oddsRatio()),
                f.pValue(), np, nn)));

        b.append("\nPer run\n");
        b.append(String.format(Locale.ROOT, "  %-24s %-9s %8s %8s %8s  %-12s %s%n", "run", "label", "grok", "event",
                "lead", "verdict", "criteria"));
        for (RunAlarm r : a.runs()) {
            b.append(String.format(Locale.ROOT, "  %-24s %-9s %8s %8s %8s  %-12s %s%n", r.runId(),
                    r.positive() ? "positive" : "negative", text(r.grokStep()), text(r.eventStep()), text(r.leadTime()),
                    r.kind().label(), criteria(r)));
        }

        b.append(String.format(Locale.ROOT, "%nSearch-start sensitivity (H = %d steps; conclusion = sign of sensitivity "
                + "− false-alarm rate)%n", a.horizon()));
        b.append(String.format(Locale.ROOT, "  %5s %3s  %-10s %-10s %-30s %-30s %5s%n", "shift", "s", "true/n+",
                "alarms/n-", "sensitivity", "false-alarm rate", "sign"));
        for (SearchStartSensitivity.Row row : searchStart.rows()) {
            if (!row.table().isComputed()) {
                b.append(String.format(Locale.ROOT, "  %+5d       not computable: %s%n", row.shift(), row.table().reason()));
                continue;
            }
            AlarmTable t = row.table().value();
            b.append(String.format(Locale.ROOT, "  %+5d %3d  %-10s %-10s %-30s %-30s %5s%s%n", row.shift(),
                    t.settleWindows(), t.trueAlarms() + "/" + t.nPositive(), t.negativeAlarms() + "/" + t.nNegative(),
                    shortRate(t.sensitivity()), shortRate(t.falseAlarmRate()),
                    t.conclusion().isComputed() ? String.format(Locale.ROOT, "%+d", t.conclusion().value()) : "n/a",
                    row.signChanged() ? "  <- SIGN CHANGES" : ""));
        }
        Estimate<Integer> conclusion = a.conclusion();
        if (!conclusion.isComputed()) {
            b.append("  conclusion not computable: ").append(conclusion.reason()).append('\n');
        } else {
            b.append("  conclusion ").append(searchStart.stableWithinOneWindow() ? "keeps its sign" : "CHANGES SIGN")
                    .append(" when the search start moves by one window")
                    .append(searchStart.stable() ? "" : "; it changes sign within the shifts tried").append('\n');
        }

        b.append(String.format(Locale.ROOT, "%nLead times (grok − event, steps; positives with an event, N = %d of n+ = %d)%n",
                leadTimes.runs().size(), np));
        b.append("  ").append(leadTimes.runs().isEmpty() ? "none"
                : leadTimes.runs().stream().map(l -> l.runId() + " " + l.steps()).collect(Collectors.joining(", "))).append('\n');
        b.append("  median: ").append(leadTimes.median().describe(BootstrapInterval::toString)).append('\n');

        b.append(String.format(Locale.ROOT, "%nScores at the cutoff c = grok − H (windows with step ≤ c only); negatives: %s%n",
                settings.negativeCutoffs() == NegativeCutoffs.MEDIAN ? "median of their scores at the positives' cutoffs"
                        : "one input per positive cutoff (inputs of one run are not independent)"));
        for (ScoreRoc r : rocs) {
            b.append("  ").append(r.score().title()).append(": ");
            b.append(r.roc().describe(c -> String.format(Locale.ROOT, "AUC %.3f", c.auc().value())));
            if (r.roc().isComputed()) {
                b.append(" ").append(r.aucInterval().describe(i -> String.format(Locale.ROOT,
                        "[%.3f, %.3f] (%s %% bootstrap, B = %d, seed %d)", i.lower(), i.upper(),
                        percent(i.confidence()), i.resamples(), i.seed())));
            }
            b.append(", n+ = ").append(r.nPositive()).append(", n- = ").append(r.nNegative()).append('\n');
            for (String u : r.unscored()) b.append("      not scored: ").append(u).append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "  %-18s %s%n", name, value));
    }

    private static String rate(Estimate<WilsonInterval> w) {
        return w.describe(WilsonInterval::toString);
    }

    private static String shortRate(Estimate<WilsonInterval> w) {
        return w.isComputed() ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", w.value().estimate(), w.value().lower(),
                w.value().upper()) : "n/a (see above)";
    }

    private static String criteria(RunAlarm r) {
        return r.criteria().stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    private static String text(OptionalLong x) {
        return x.isPresent() ? String.valueOf(x.getAsLong()) : "-";
    }

    private static String number(double x) {
        return Double.isInfinite(x) ? "∞" : String.format(Locale.ROOT, "%.4g", x);
    }

    private static String percent(double c) {
        double pc = 100 * c;
        return pc == Math.rint(pc) ? String.valueOf((long) pc) : String.valueOf(pc);
    }

    // ------------------------------------------------------------------ CSV files

    /**
     * Writes {@code alarm-table.csv} (one row per search-start shift), {@code runs.csv} (one row per run: label,
     * event, lead time, verdict), {@code scores.csv} (one row per ROC input) and {@code roc-SCORE.csv} (threshold,
     * fpr, tpr) for every computable ROC into {@code folder}, created if needed. Empty cells mark values that are not
     * computable; the {@code note} columns say why. Each file is written to a temporary file and renamed.
     *
     * @return the files written
     * @throws IllegalArgumentException if any of the files already exists (nothing is written then)
     */
    public List<Path> writeCsv(Path folder) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("alarm-table.csv", alarmCsv());
        files.put("runs.csv", runsCsv());
        files.put("scores.csv", scoresCsv());
        for (ScoreRoc r : rocs) {
            if (r.roc().isComputed()) files.put("roc-" + r.score().label() + ".csv", rocCsv(r.roc().value()));
        }
        List<Path> existing = files.keySet().stream().map(folder::resolve).filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            throw new IllegalArgumentException("refusing to overwrite " + existing + "; pass a new folder");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = folder.resolve(f.getKey());
                Path tmp = Files.createTempFile(folder, "." + f.getKey(), ".tmp");
                try {
                    Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE); // existing targets were refused above
                } finally {
                    Files.deleteIfExists(tmp);
                }
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the precursor tables to " + folder + ": " + e.getMessage(), e);
        }
        return written;
    }

    private String alarmCsv() {
        StringBuilder b = new StringBuilder("shift,search_start,horizon,n_pos,n_neg,true_alarms,early_alarms,late_events,"
                + "no_event,misses,negative_alarms,false_alarms,sensitivity,sensitivity_lower,sensitivity_upper,"
                + "false_alarm_rate,false_alarm_rate_lower,false_alarm_rate_upper,fisher_odds_ratio,fisher_p,sign,"
                + "sign_changed,note\n");
        for (SearchStartSensitivity.Row row : searchStart.rows()) {
            if (!row.table().isComputed()) {
                b.append(row.shift()).append(",".repeat(21)).append(',').append(quote(row.table().reason())).append('\n');
                continue;
            }
            AlarmTable t = row.table().value();
            List<String> notes = new ArrayList<>();
            List<Object> v = new ArrayList<>(List.of(row.shift(), t.settleWindows(), t.horizon(), t.nPositive(),
                    t.nNegative(), t.trueAlarms(), t.count(AlarmKind.EARLY_ALARM), t.count(AlarmKind.LATE_EVENT),
                    t.count(AlarmKind.NO_EVENT), t.misses(), t.negativeAlarms(), t.falseAlarms()));
            wilson(v, t.sensitivity(), notes, "sensitivity");
            wilson(v, t.falseAlarmRate(), notes, "false-alarm rate");
            Estimate<FisherExact> f = t.fisher();
            v.add(f.isComputed() ? f.value().oddsRatio() : "");
            v.add(f.isComputed() ? f.value().pValue() : "");
            if (!f.isComputed()) notes.add("Fisher: " + f.reason());
            v.add(t.conclusion().isComputed() ? t.conclusion().value() : "");
            v.add(row.signChanged());
            v.add(quote(String.join("; ", notes)));
            b.append(v.stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        }
        return b.toString();
    }

    private static void wilson(List<Object> v, Estimate<WilsonInterval> w, List<String> notes, String name) {
        if (w.isComputed()) {
            v.addAll(List.of(w.value().estimate(), w.value().lower(), w.value().upper()));
        } else {
            v.addAll(List.of("", "", ""));
            notes.add(name + ": " + w.reason());
        }
    }

    private String runsCsv() {
        StringBuilder b = new StringBuilder("run_id,positive,grok_step,event_step,lead_time,verdict,true_alarm,"
                + "false_alarm,miss,criteria\n");
        for (RunAlarm r : alarms.runs()) {
            b.append(String.join(",", quote(r.runId()), String.valueOf(r.positive()), cell(r.grokStep()),
                    cell(r.eventStep()), cell(r.leadTime()), r.kind().name().toLowerCase(Locale.ROOT),
                    String.valueOf(r.kind() == AlarmKind.TRUE_ALARM), String.valueOf(r.kind().isFalseAlarm()),
                    String.valueOf(r.kind().isMiss()), r.criteria().stream().sorted().map(GapCriterion::name)
                            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "))))
                    .append('\n');
        }
        return b.toString();
    }

    private String scoresCsv() {
        StringBuilder b = new StringBuilder("run_id,positive,cutoff,cutoffs");
        for (CutoffScore s : CutoffScore.values()) b.append(',').append(s.label());
        b.append(",note\n");
        for (ScoredRun r : scoredRuns) {
            b.append(quote(r.runId())).append(',').append(r.positive()).append(',').append(cell(r.cutoff())).append(',')
                    .append(r.cutoffs());
            List<String> notes = new ArrayList<>();
            for (CutoffScore s : CutoffScore.values()) {
                Estimate<Double> v = r.score(s);
                b.append(',').append(v.isComputed() ? String.valueOf(v.value()) : "");
                if (!v.isComputed()) notes.add(s.label() + ": " + v.reason());
            }
            b.append(',').append(quote(String.join("; ", notes))).append('\n');
        }
        return b.toString();
    }

    private static String rocCsv(RocCurve roc) {
        StringBuilder b = new StringBuilder("threshold,fpr,tpr\n");
        for (RocCurve.Point p : roc.points()) {
            b.append(p.threshold()).append(',').append(p.fpr()).append(',').append(p.tpr()).append('\n');
        }
        return b.toString();
    }

    private static String cell(OptionalLong x) {
        return x.isPresent() ? String.valueOf(x.getAsLong()) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
