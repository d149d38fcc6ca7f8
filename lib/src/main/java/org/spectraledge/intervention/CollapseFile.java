package org.spectraledge.intervention;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.spectral.GapRule;

/**
 * Collapse trials as CSV (RFC 4180, Commons CSV): one row per branch, the control first in each trial, with the
 * trial's window at t₀ repeated on each row so that any row reads alone. Lists (σ, ratios) are {@code ;}-separated.
 * Doubles are written in full precision, so reading gives back the trials exactly.
 */
public final class CollapseFile {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setIgnoreEmptyLines(true).get();
    private static final List<String> EVAL = List.of("step", "train_loss", "train_acc", "test_loss", "test_acc");
    private static final List<String> HEADER = header();

    private CollapseFile() {}

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("seed", "origin", "rule", "k_star", "steps", "continued", "sigma", "ratios"));
        EVAL.forEach(e -> h.add("origin_" + e));
        h.addAll(List.of("position", "shrink"));
        EVAL.forEach(e -> h.add("k_" + e));
        EVAL.forEach(e -> h.add("kl_" + e));
        h.addAll(List.of("ratios_after", "k_star_after", "grok_step", "seconds"));
        return List.copyOf(h);
    }

    /** Writes the trials to {@code file} through a temporary file and a rename, so a reader never sees half a file. */
    public static void write(Path file, List<CollapseTrial> trials) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, FORMAT)) {
                out.printRecord(HEADER);
                for (CollapseTrial t : trials) {
                    out.printRecord(row(t, t.control()));
                    for (CollapseBranch b : t.collapsed()) out.printRecord(row(t, b));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads trials written by {@link #write}.
     *
     * @throws IOException naming the file and line when a column is missing or a value does not parse
     */
    public static List<CollapseTrial> read(Path file) throws IOException {
        Map<String, List<CSVRecord>> byTrial = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            for (CSVRecord rec : records) {
                for (String column : HEADER) {
                    if (!rec.isMapped(column)) throw new IOException(file + " is not a collapse trial file: it has no column '" + column + "'");
                }
                byTrial.computeIfAbsent(rec.get("seed") + "@" + rec.get("origin"), k -> new ArrayList<>()).add(rec);
            }
        }
        List<CollapseTrial> trials = new ArrayList<>();
        for (List<CSVRecord> rows : byTrial.values()) {
            try {
                trials.add(trial(rows));
            } catch (RuntimeException e) {
                throw new IOException(file + ", line " + rows.get(0).getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        return trials;
    }

    private static List<String> row(CollapseTrial t, CollapseBranch b) {
        List<String> r = new ArrayList<>(List.of(Long.toString(t.seed()), Long.toString(t.origin()), t.rule().label(),
                Integer.toString(t.kStar()), Long.toString(t.steps()), Long.toString(t.continued()), join(t.sigma()), join(t.ratios())));
        r.addAll(eval(t.atOrigin()));
        r.addAll(List.of(Integer.toString(b.position()), Double.toString(b.shrink())));
        r.addAll(eval(b.afterSteps()));
        r.addAll(eval(b.afterContinued()));
        r.addAll(List.of(join(b.ratios()), Integer.toString(b.kStar()), Long.toString(b.grokStep()), Double.toString(b.seconds())));
        return r;
    }

    private static CollapseTrial trial(List<CSVRecord> rows) {
        CSVRecord first = rows.get(0);
        List<CollapseBranch> branches = rows.stream().map(CollapseFile::branch).toList();
        CollapseBranch control = branches.stream().filter(CollapseBranch::isControl).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the trial has no control row (position 0)"));
        return new CollapseTrial(Long.parseLong(first.get("seed")), Long.parseLong(first.get("origin")), split(first.get("sigma")),
                split(first.get("ratios")), GapRule.parse(first.get("rule")), Integer.parseInt(first.get("k_star")), eval(first, "origin_"),
                Long.parseLong(first.get("steps")), Long.parseLong(first.get("continued")), control,
                branches.stream().filter(b -> !b.isControl()).toList());
    }

    private static CollapseBranch branch(CSVRecord r) {
        return new CollapseBranch(Integer.parseInt(r.get("position")), Double.parseDouble(r.get("shrink")), eval(r, "k_"), eval(r, "kl_"),
                split(r.get("ratios_after")), Integer.parseInt(r.get("k_star_after")), Long.parseLong(r.get("grok_step")),
                Double.parseDouble(r.get("seconds")));
    }

    private static List<String> eval(EvalRecord e) {
        return List.of(Long.toString(e.step()), Double.toString(e.trainLoss()), Double.toString(e.trainAcc()),
                Double.toString(e.testLoss()), Double.toString(e.testAcc()));
    }

    private static EvalRecord eval(CSVRecord r, String prefix) {
        return new EvalRecord(Long.parseLong(r.get(prefix + "step")), Double.parseDouble(r.get(prefix + "train_loss")),
                Double.parseDouble(r.get(prefix + "train_acc")), Double.parseDouble(r.get(prefix + "test_loss")),
                Double.parseDouble(r.get(prefix + "test_acc")));
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(";"));
    }

    private static double[] split(String text) {
        return text.isEmpty() ? new double[0] : Arrays.stream(text.split(";")).mapToDouble(Double::parseDouble).toArray();
    }
}
