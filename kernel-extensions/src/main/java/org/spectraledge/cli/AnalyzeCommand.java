package org.spectraledge.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectraledge.io.SnapshotFiles;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.table.WindowTable;

import java.util.concurrent.Callable;
import org.spectraledge.options.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectral-edge analyze}: the per-window spectral table of parameter snapshots saved as NumPy files, for
 * people who train elsewhere (PyTorch, JAX, …).
 */
@Command(name = "analyze", customSynopsis = "spectral-edge analyze [OPTIONS] INPUT...",
        description = {"per-window spectral table (CSV) of parameter snapshots saved as .npy/.npz",
                "",
                "INPUT is one of: .npy files (one flattened snapshot each, in step order); a folder of .npy files"
                        + " (natural name order: theta_2 before theta_10); one .npz (one snapshot per entry, in saved order);"
                        + " or one 2-D .npy of shape T x P (one snapshot per row). float32 or float64."},
        footer = {"The CSV has one row per window: step, size, sigma_1..sigma_W, ratio_1..ratio_{W-1}, kstar_plain,"
                + " kstar_weighted, kstar_floored, gap_ratio, gap, eigengap, g23, dG_exact, dG_eigen, alpha_1..alpha_W,"
                + " overlap_1..overlap_W, adiabatic, regime, bbp_ratio, pc1, k95. 'step' is the index of the window's last"
                + " snapshot. Cells that do not exist for a window (e.g. sigma_j beyond a partial window) are empty."})
final class AnalyzeCommand implements Callable<Integer> {

    /** Rules of the gap_ratio, gap, eigengap and adiabatic columns, for completion. */
    static final class Rules implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(GapRule.values()).map(GapRule::label).iterator();
        }
    }

    @Mixin private HelpOption help;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "snapshot files or a folder of them (see above)")
    private List<Path> inputs;

    @Option(names = "--window", paramLabel = "W", defaultValue = "10",
            description = "window length in updates (default: 10; at least 2, at most the number of updates)")
    private int window;

    @Option(names = "--stride", paramLabel = "S", defaultValue = "1", description = "use every S-th snapshot (default: 1)")
    private int stride;

    @Option(names = "--rule", paramLabel = "R", defaultValue = "plain", completionCandidates = Rules.class,
            description = "gap rule for gap_ratio, gap, eigengap, adiabatic: plain | weighted | floored (default: plain)")
    private String ruleName;

    @Option(names = "--sketch", paramLabel = "D", defaultValue = "0",
            description = "CountSketch each update to D dimensions (memory O(W*D)); 0 = exact (default)")
    private int sketch;

    @Option(names = "--compare-exact", description = "with --sketch: also run exact mode and report the sketch's relative gap error")
    private boolean compare;

    @Option(names = "--lr", paramLabel = "ETA", description = "learning rate; enables the adiabatic column and regime")
    private Double lr;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "windows.csv",
            description = "CSV file to write (default: windows.csv; '-' writes to standard output)")
    private String output;

    private final Main.Streams io;

    AnalyzeCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = io.out(), err = io.err();
        if (window < 2 || window > 10_000) throw new UsageException("--window must lie in [2, 10000], got " + window);
        if (stride < 1) throw new UsageException("--stride must be at least 1, got " + stride);
        if (sketch < 0 || sketch > 100_000_000) throw new UsageException("--sketch must lie in [0, 100000000], got " + sketch);
        GapRule rule;
        try {
            rule = GapRule.parse(ruleName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rule: " + e.getMessage());
        }
        if (compare && sketch == 0) throw new UsageException("--compare-exact needs --sketch D");
        AnalysisConfig.Builder config = AnalysisConfig.builder().optWindow(window).optHeadline(rule).optSketch(sketch);
        if (lr != null) {
            if (!Double.isFinite(lr) || lr <= 0) throw new UsageException("--lr must be a number > 0, got " + lr);
            config.optLearningRate(lr);
        }

        try (SnapshotFiles files = SnapshotFiles.open(inputs)) {
            List<Integer> used = new ArrayList<>();
            for (int i = 0; i < files.count(); i += stride) used.add(i);
            int updates = used.size() - 1;
            if (updates < 2) {
                throw new UsageException(files.count() + " snapshot(s) with stride " + stride + " give " + Math.max(updates, 0)
                        + " update(s); a gap needs at least 2 updates (3 snapshots)");
            }
            if (window > updates) {
                throw new UsageException("--window " + window + " is longer than the run: " + used.size() + " snapshots give "
                        + updates + " updates; use --window " + updates + " or less");
            }
            AnalysisConfig cfg = config.build();
            int p = files.read(0).length();
            SpectralTracker tracker = new SpectralTracker("all", p, cfg);
            SpectralTracker exact = compare ? new SpectralTracker("all", p, AnalysisConfig.builder().optWindow(window)
                    .optHeadline(rule).build()) : null;
            ProgressLine progress = new ProgressLine(err, "analyze", used.size());
            for (int k = 0; k < used.size(); k++) {
                int index = used.get(k);
                VectorSource theta = files.read(index);
                try {
                    tracker.pushSnapshot(theta, index);
                    if (exact != null) exact.pushSnapshot(theta, index);
                } catch (NonFiniteUpdateException e) {
                    throw e.withContext("snapshot " + index + " (" + files.describe(index) + ")");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("snapshot " + index + " (" + files.describe(index) + "): " + e.getMessage(), e);
                }
                progress.update(k + 1, tracker.latest().map(r -> "k*=" + r.kStar()).orElse(""));
            }
            progress.finish();

            if (output.equals("-")) {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                WindowTable.writeCsv(tracker.results(), window, writer);
            } else {
                WindowTable.writeCsv(tracker.results(), window, Path.of(output));
            }
            PrintStream report = output.equals("-") ? err : out;
            report.println(summary(files.count(), used.size(), p, cfg, tracker.results(), output));
            if (exact != null) report.println(sketchError(tracker.results(), exact.results(), sketch));
        }
        return 0;
    }

    private static String summary(int snapshots, int used, int p, AnalysisConfig cfg, List<WindowResult> results, String output) {
        WindowResult last = results.get(results.size() - 1);
        return String.format("analyzed %d of %d snapshots (P = %d%s): %d windows of W = %d, rule %s%n"
                        + "last window (step %d): k* = %d, R = %.4g, g = %.4g, g23 = %s, pc1 = %.3f, BBP ratio = %s%s%n"
                        + "wrote %s",
                used, snapshots, p, cfg.sketchDimension() > 0 ? ", sketched to d = " + cfg.sketchDimension() : "",
                results.size(), cfg.window(), cfg.headline().label(), last.step(), last.kStar(), last.gapRatio(),
                last.gap().gap(), fmt(last.gaps().g23()), last.pc1(), fmt(last.baseline().bbpRatio()),
                last.adiabatic().map(a -> String.format(", A = %.4g (%s)", a.value(), a.regime().label())).orElse(""),
                output.equals("-") ? "the table to standard output" : output);
    }

    /** Median and max of |g_sketch − g_exact| / g_exact over full windows. */
    private static String sketchError(List<WindowResult> sketched, List<WindowResult> exact, int d) {
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < exact.size(); i++) {
            WindowResult e = exact.get(i);
            if (e.partial() || e.gap().gap() == 0) continue;
            errors.add(Math.abs(sketched.get(i).gap().gap() - e.gap().gap()) / e.gap().gap());
        }
        if (errors.isEmpty()) return "sketch check: no full window with a nonzero gap to compare";
        errors.sort(null);
        return String.format("sketch check (d = %d vs exact, %d full windows): relative gap error median %.2f%%, max %.2f%%",
                d, errors.size(), 100 * errors.get(errors.size() / 2), 100 * errors.get(errors.size() - 1));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4g", v);
    }
}
