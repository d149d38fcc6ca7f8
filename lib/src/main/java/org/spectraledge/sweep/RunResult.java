package org.spectraledge.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of a sweep's results: what a run gave (framework §7 events, k* at grokking, final accuracy) and how it ended.
 * Its columns, in order, are the contract of {@code results.csv}: {@code run_id}, every configuration key,
 * {@code grokked}, {@code memorized_step}, {@code grokked_step}, {@code gap_event_step}, {@code lead_time},
 * {@code kstar_plain}, {@code kstar_weighted}, {@code final_test_acc}, {@code seconds}, {@code status}. A quantity
 * that does not exist for the run (it did not grok, no gap event, no evaluation) is an empty cell.
 *
 * @param runId         the run's id
 * @param config        the value of each configuration key, as written in the sweep file
 * @param grokked       whether test accuracy reached 0.95 (framework §7)
 * @param memorizedStep first eval with train accuracy ≥ 0.99
 * @param grokkedStep   first eval with test accuracy ≥ 0.95
 * @param gapEventStep  the gap event of the library's default {@code GapEventDetector}
 * @param leadTime      grok step − gap event step
 * @param kstarPlain    k* under the {@code plain} rule in the newest window at or before the grok step
 * @param kstarWeighted k* under the {@code weighted} rule in that window
 * @param finalTestAcc  test accuracy of the last evaluation (NaN if there was none)
 * @param seconds       training wall time, summed over the sessions of a resumed run
 * @param status        {@code completed}, {@code target_reached}, {@code diverged: WHY} or {@code failed: WHY}
 */
public record RunResult(String runId, Map<String, String> config, boolean grokked, OptionalLong memorizedStep,
                        OptionalLong grokkedStep, OptionalLong gapEventStep, OptionalLong leadTime, OptionalInt kstarPlain,
                        OptionalInt kstarWeighted, double finalTestAcc, double seconds, String status) {

    /** The result columns after the configuration keys. */
    public static final List<String> RESULT_COLUMNS = List.of("grokked", "memorized_step", "grokked_step", "gap_event_step",
            "lead_time", "kstar_plain", "kstar_weighted", "final_test_acc", "seconds", "status");

    /** Status prefix of a run that could not be trained (a restarted sweep tries it again). */
    public static final String FAILED = "failed";

    public RunResult {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        if (status == null || status.isBlank()) throw new IllegalArgumentException("run " + runId + " needs a status");
        status = status.replaceAll("\\s*[\\r\\n]+\\s*", " "); // one line per row in results.csv
    }

    /** A run that produced no training result; {@code why} says what went wrong. */
    public static RunResult failed(RunSpec run, String why) {
        return new RunResult(run.runId(), run.columns(), false, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), Double.NaN, 0, FAILED + ": " + why);
    }

    /** Whether the run is done for good (anything but {@code failed}): a restarted sweep keeps such a row. */
    public boolean finished() {
        return !status.startsWith(FAILED);
    }

    /** One line for people: {@code r003-wd=1-seed=1: grokked at 500 (memorized 100), gap event 250, lead 250; 6.2 s, target_reached}. */
    public String describe() {
        StringBuilder b = new StringBuilder(runId).append(": ");
        if (!finished()) return b.append(status).toString();
        b.append(grokked ? "grokked at " + grokkedStep.getAsLong() : "did not grok");
        b.append(memorizedStep.isPresent() ? " (memorized " + memorizedStep.getAsLong() + ")" : " (did not memorize)");
        if (gapEventStep.isPresent()) b.append(", gap event ").append(gapEventStep.getAsLong());
        if (leadTime.isPresent()) b.append(", lead ").append(leadTime.getAsLong());
        if (kstarPlain.isPresent()) b.append(", k* ").append(kstarPlain.getAsInt()).append(" (weighted ")
                .append(kstarWeighted.isPresent() ? kstarWeighted.getAsInt() : "-").append(')');
        return b.append(String.format(java.util.Locale.ROOT, "; %.1f s, %s", seconds, status)).toString();
    }

    /** Every column name for these configuration keys, in contract order. */
    public static List<String> columns(List<String> keys) {
        List<String> names = new ArrayList<>();
        names.add("run_id");
        names.addAll(keys);
        names.addAll(RESULT_COLUMNS);
        return names;
    }

    /**
     * The row's values in {@link #columns} order: {@code String} id, configuration values and status, {@code Boolean}
     * grokked, {@code Long} steps, {@code Integer} k*, {@code Double} accuracy and seconds; {@code null} where empty.
     */
    public List<Object> cells(List<String> keys) {
        List<Object> v = new ArrayList<>();
        v.add(runId);
        for (String k : keys) v.add(config.get(k));
        v.add(grokked);
        v.add(box(memorizedStep));
        v.add(box(grokkedStep));
        v.add(box(gapEventStep));
        v.add(box(leadTime));
        v.add(kstarPlain.isPresent() ? kstarPlain.getAsInt() : null);
        v.add(kstarWeighted.isPresent() ? kstarWeighted.getAsInt() : null);
        v.add(Double.isNaN(finalTestAcc) ? null : finalTestAcc);
        v.add(seconds);
        v.add(status);
        return v;
    }

    /**
     * The inverse of {@link #cells}: a row from its values in column order, as strings ({@code null} or empty where
     * the cell is empty), e.g. read back from {@code results.csv}.
     *
     * @throws IllegalArgumentException naming the column that does not parse
     */
    public static RunResult fromCells(List<String> keys, List<String> cells) {
        List<String> names = columns(keys);
        if (cells.size() != names.size()) {
            throw new IllegalArgumentException("a result row has " + names.size() + " columns, got " + cells.size() + ": " + cells);
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) byName.put(names.get(i), cells.get(i) == null ? "" : cells.get(i));
        Map<String, String> config = new LinkedHashMap<>();
        for (String k : keys) config.put(k, byName.get(k));
        try {
            String acc = byName.get("final_test_acc");
            return new RunResult(byName.get("run_id"), config, Boolean.parseBoolean(byName.get("grokked")),
                    longCell(byName.get("memorized_step")), longCell(byName.get("grokked_step")),
                    longCell(byName.get("gap_event_step")), longCell(byName.get("lead_time")),
                    intCell(byName.get("kstar_plain")), intCell(byName.get("kstar_weighted")),
                    acc.isEmpty() ? Double.NaN : Double.parseDouble(acc), Double.parseDouble(byName.get("seconds")),
                    byName.get("status"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("result row of " + byName.get("run_id") + " has a malformed number (" + e.getMessage() + "): " + cells, e);
        }
    }

    private static Long box(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static OptionalLong longCell(String s) {
        return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
    }

    private static OptionalInt intCell(String s) {
        return s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s));
    }
}
