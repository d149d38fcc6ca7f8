package org.spectraledge.kernel.magics;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.spectraledge.options.OptionParsing;
import org.spectraledge.options.UsageException;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.plot.RunSeries;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.table.WindowTable;
import org.spectraledge.run.RunFolder;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.run.TrainRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %spectral RUN [--group G] [--window W]}: the dashboard of a run (see {@link RunFigures#dashboard}). RUN is a
 * run folder or a Java expression whose value is a {@link TrainRun.Result} (a variable, {@code lastRun()}) or a path.
 * The cell's value is the dashboard image; a one-line summary of the run is printed above it.
 */
final class SpectralMagic {

    static final String USAGE = "%spectral RUN [--group G] [--window W]";

    /** A Java expression rather than a path: a name, optionally called or dotted ({@code run}, {@code lastRun()}). */
    private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z_$][\\w$]*(\\(\\))?(\\.[A-Za-z_$][\\w$]*(\\(\\))?)*");

    private final CellEvaluator evaluator;

    SpectralMagic(CellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The magic's arguments. */
    static final class Options {
        @Parameters(paramLabel = "RUN", description = {"a run folder (written by %%train or spectral-edge train),"
                + " or a variable or expression holding a TrainRun.Result, e.g. lastRun()"})
        String run;

        @Option(names = "--group", paramLabel = "G", description = "the captured parameter group to show (default: the first)")
        String group;

        @Option(names = "--window", paramLabel = "W", description = "must be the run's window length; the logs hold only windows of that length")
        Integer window;
    }

    /** A fresh spec (and options object) per call. */
    private static CommandSpec spec(Options options) {
        CommandSpec spec = OptionParsing.magic(CommandSpec.forAnnotatedObject(options).name("spectral"), USAGE);
        spec.usageMessage().description("The dashboard of a run: σ_j(t), k*, R, g₂₃, the adiabatic parameter and accuracy.");
        return spec;
    }

    static String usage() {
        return OptionParsing.usage(spec(new Options()));
    }

    /** What the dashboard draws from: the windows of one group, the evaluations, and the configuration. */
    private record Source(TrainConfig config, List<String> groups, Path folder, Map<String, RunSeries> series, List<EvalRecord> evals,
                          String status) {}

    CellResult run(MagicCall call) throws CellException {
        try {
            Options args = new Options();
            OptionParsing.parse(spec(args), call.arguments());
            Source source = resolve(call, args.run);
            String group = args.group != null ? args.group : source.groups().get(0);
            if (!source.groups().contains(group)) {
                throw new UsageException("the run captured the groups " + source.groups() + ", not '" + group + "'");
            }
            int window = args.window != null ? args.window : source.config().window();
            if (window != source.config().window()) {
                throw new MagicException(call, "the run was analysed with window W = " + source.config().window()
                        + " and its logs hold only those windows, so W = " + window + " cannot be computed from them. "
                        + "Train again with --window " + window + ", or save parameter snapshots and run "
                        + "spectral-edge analyze --window " + window + " on them.");
            }
            RunSeries series = source.series().get(group);
            if (series == null) series = readWindows(source, group);
            System.out.println(String.format(Locale.ROOT, "%s, group %s, W = %d: %d windows, %d evaluations, status %s%s",
                    source.config().task().cliName(), group, window, series.size(), source.evals().size(), source.status(),
                    source.folder() == null ? "" : " (" + source.folder() + ")"));
            BufferedImage dashboard = RunFigures.dashboard(series, source.evals());
            return CellResult.of(dashboard);
        } catch (UsageException e) {
            throw new MagicException(call, e.getMessage() + "\n" + usage());
        }
    }

    /** RUN as a folder if one exists there, else as a Java expression. */
    private Source resolve(MagicCall call, String run) throws CellException {
        Path dir = Path.of(run);
        if (Files.isDirectory(dir)) return fromFolder(dir);
        if (!EXPRESSION.matcher(run).matches()) {
            throw new UsageException("there is no run folder at " + dir.toAbsolutePath());
        }
        Object value;
        try {
            value = evaluator.eval(run, call.label(), call.line()).value();
        } catch (CellException e) {
            throw new UsageException("'" + run + "' is neither a run folder nor a Java expression that can be evaluated: " + e.getMessage());
        }
        if (value instanceof TrainRun.Result r) {
            Map<String, RunSeries> series = new java.util.LinkedHashMap<>();
            r.windows().forEach((g, w) -> series.put(g, RunSeries.of(w)));
            return new Source(r.config(), List.copyOf(r.windows().keySet()), r.folder(), series, r.outcome().evals(),
                    r.outcome().status().name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof Path || value instanceof File || value instanceof String) {
            Path p = value instanceof File f ? f.toPath() : Path.of(value.toString());
            if (Files.isDirectory(p)) return fromFolder(p);
            throw new UsageException("'" + run + "' is " + p + ", which is not a run folder");
        }
        throw new UsageException("'" + run + "' is " + (value == null ? "null" : "a " + value.getClass().getName())
                + ", not a TrainRun.Result or a run folder");
    }

    private static Source fromFolder(Path dir) {
        TrainConfig config;
        try {
            config = RunFolder.readConfig(dir);
        } catch (RuntimeException e) {
            throw new UsageException(dir + " is not a run folder: " + e.getMessage());
        }
        RunFolder folder = new RunFolder(dir, config.groups(), config.window());
        List<EvalRecord> evals = Files.exists(folder.metrics()) ? folder.readMetrics() : List.of();
        String status = "unknown";
        try {
            status = com.google.gson.JsonParser.parseString(Files.readString(folder.summary())).getAsJsonObject().get("status").getAsString();
        } catch (IOException | RuntimeException e) {
            // the configuration was readable above; a summary without a status only loses this label
        }
        return new Source(config, new ArrayList<>(config.groups()), dir, Map.of(), evals, status);
    }

    private static RunSeries readWindows(Source source, String group) {
        Path file = new RunFolder(source.folder(), source.groups(), source.config().window()).windows(group);
        if (!Files.exists(file) || RunFolder.rows(file) == 0) {
            throw new UsageException(file + " holds no windows yet");
        }
        try {
            // windows.csv's gap_ratio is the headline rule's R, and TrainRun analyses with the plain rule
            return RunSeries.of(WindowTable.read(file), GapRule.PLAIN);
        } catch (RuntimeException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Option names after {@code -}. */
    static List<String> complete(List<String> before, String word) {
        return OptionParsing.complete(spec(new Options()), before, word);
    }
}
