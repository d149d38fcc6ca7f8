package org.spectraledge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.spectraledge.intervention.CollapseBranch;
import org.spectraledge.io.IoErrors;
import org.spectraledge.io.OutputFolder;
import org.spectraledge.intervention.CollapseFile;
import org.spectraledge.intervention.CollapseListener;
import org.spectraledge.intervention.CollapseStudy;
import org.spectraledge.intervention.CollapseSummary;
import org.spectraledge.intervention.CollapseTrial;
import org.spectraledge.intervention.GapCollapse;
import org.spectraledge.options.TrainArguments;
import org.spectraledge.options.TrainOptionSpecs;
import org.spectraledge.options.UsageException;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.spectral.GapRule;
import org.spectraledge.stats.Bootstrap;
import org.spectraledge.sweep.SweepManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spectral-edge collapse}: the gap collapse intervention of framework §6 over seeds, branch points t₀ and
 * positions j, written as one CSV row per branch into a folder with a manifest (as a sweep's), then the Gap Maximality
 * summary. Rerun with the same {@code --out} and the same protocol, it keeps the trials already there and runs only the
 * missing ones (more seeds or branch points may be added).
 */
@Command(name = "collapse",
        customSynopsis = "spectral-edge collapse [TRAINING OPTIONS] --origins T0,... [--seeds S,...] [--positions J,...] --out DIR",
        description = {"collapse the gap at each position j from branch points t0 of a run, beside the paired unmodified control",
                "",
                "From each t0 (a capture step on the plateau) the run is trained K steps with every update's dominant block"
                        + " v_1..v_j shrunk by sigma_{j+1}/sigma_j (so r_j = 1 in the windows that follow), then L steps unmodified;"
                        + " the control trains the same steps from the same weights and minibatches. Writes DIR/collapse.csv (one"
                        + " row per branch) and DIR/manifest.json (command, commit, wall time, machine), and prints, per j, the median change of validation loss with its bootstrap interval, and"
                        + " whether k*'s collapse hurts more than any other position's."},
        footer = {"", "example: spectral-edge collapse --task add --p 97 --model transformer --lr 1e-3 --wd 1 --batch 512 \\",
                "           --stride 100 --window 10 --group attention --origins 800,1200 --seeds 1,2,3 --continue 500 --out collapse-runs"})
final class CollapseCommand implements Callable<Integer> {

    @Mixin private HelpOption help;
    @Spec private CommandSpec spec;
    private final Main.Streams io;

    @Option(names = "--origins", split = ",", paramLabel = "T0", description = "branch points t0, ascending multiples of the stride (required)")
    private List<Long> origins = List.of();

    @Option(names = "--seeds", split = ",", paramLabel = "S", description = "runs to branch (default: the --seed value)")
    private List<Long> seeds = List.of();

    @Option(names = "--positions", split = ",", paramLabel = "J", description = "positions j to collapse (default: 1..W-1)")
    private List<Integer> positions = List.of();

    @Option(names = "--collapse-steps", paramLabel = "K", description = "modified steps after t0 (default: one window, W*stride)")
    private Long steps;

    @Option(names = "--continue", paramLabel = "L", description = "unmodified steps after t0+K (default: 0)")
    private long continued;

    @Option(names = "--grok-budget", paramLabel = "N", description = "more steps after t0+K+L to look for the grok step (default: 0)")
    private long budget;

    @Option(names = "--rule", paramLabel = "RULE", description = "the gap rule naming k*: plain, weighted or floored (default: plain)")
    private String rule = "plain";

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "the study folder (required); an existing one is continued")
    private Path out;

    /** The trials' file in the study folder. */
    static final String TRIALS = "collapse.csv";

    private CollapseCommand(Main.Streams io) {
        this.io = io;
    }

    /** The command with the training options of the table added. */
    static CommandLine commandLine(Main.Streams io) {
        CommandLine command = new CommandLine(new CollapseCommand(io));
        TrainOptionSpecs.addTrainingOptions(command.getCommandSpec());
        return command;
    }

    @Override
    public Integer call() throws IOException {
        Plan plan = plan();
        TrainConfig base = plan.base();
        GapCollapse protocol = plan.protocol();
        List<Long> runSeeds = plan.seeds();
        String definition = definition(base, protocol);
        SweepManifest manifest = manifest(definition, runSeeds.size() * origins.size());
        List<CollapseTrial> trials = new ArrayList<>(existing());
        Instant started = Instant.now();
        String command = "spectral-edge " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        SweepManifest.Machine machine = SweepManifest.Machine.current();
        manifest.with(new SweepManifest.Invocation(command, Provenance.commit(), started.toString(), "", 0, "this process", 0, machine))
                .write(out);
        int before = trials.size();
        PrintStream err = io.err();
        try {
            for (long seed : runSeeds) {
                Set<Long> done = trials.stream().filter(t -> t.seed() == seed).map(CollapseTrial::origin).collect(Collectors.toSet());
                List<Long> todo = origins.stream().filter(t -> !done.contains(t)).toList();
                if (todo.isEmpty()) continue;
                TrainConfig config = base.toBuilder().optSeed(seed).build();
                try {
                    CollapseStudy.run(config, protocol, todo, new CollapseListener() {
                        @Override public void branchFinished(long origin, CollapseBranch b) {
                            err.printf(Locale.ROOT, "seed %d, t0 %d, %s: val loss %.4f at t0+K (r_j after: %s), %.1f s%n", seed, origin,
                                    b.isControl() ? "control" : "j = " + b.position(), b.afterSteps().testLoss(),
                                    b.isControl() ? "-" : String.format(Locale.ROOT, "%.3f", b.ratio(b.position())), b.seconds());
                        }

                        @Override public void trialFinished(CollapseTrial trial) {
                            trials.add(trial);
                            write(trials);
                        }
                    });
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        } finally {
            Instant finished = Instant.now();
            manifest.with(new SweepManifest.Invocation(command, Provenance.commit(), started.toString(), finished.toString(),
                    Duration.between(started, finished).toMillis() / 1000.0, "this process", trials.size() - before, machine)).write(out);
        }
        Bootstrap bootstrap = Bootstrap.withSeed(1);
        io.out().println(CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_COLLAPSE, bootstrap));
        if (protocol.continued() > 0) io.out().println(CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_CONTINUATION, bootstrap));
        io.out().println("wrote " + trials.size() + " trials to " + out.resolve(TRIALS));
        return 0;
    }

    /**
     * A study as the arguments define it.
     *
     * @param base     the training configuration (its seed is replaced by each of {@code seeds})
     * @param protocol K, L, budget, positions and rule
     * @param seeds    the runs to branch
     * @param origins  the branch points
     */
    record Plan(TrainConfig base, GapCollapse protocol, List<Long> seeds, List<Long> origins) {
        /** The definition hash a study folder of this plan carries. */
        String definition() {
            return CollapseCommand.definition(base, protocol);
        }
    }

    /** The plan of the parsed arguments, checked before anything is written. */
    Plan plan() {
        if (origins.isEmpty()) throw new UsageException("--origins T0,... is required (branch points on the plateau, e.g. --origins 800,1200)");
        if (out == null) throw new UsageException("--out DIR is required (the study folder)");
        TrainConfig base = new TrainArguments(TrainOptionSpecs.trainingOptions(spec.commandLine().getParseResult()),
                Optional.empty(), false).config();
        try {
            GapCollapse.Builder builder = GapCollapse.builder().optPositions(positions).optContinued(continued).optBudget(budget)
                    .optRule(GapRule.parse(rule));
            if (steps != null) builder.optSteps(steps);
            GapCollapse protocol = builder.build();
            CollapseStudy.validate(base, protocol, origins);
            return new Plan(base, protocol, seeds.isEmpty() ? List.of(base.seed()) : List.copyOf(seeds), List.copyOf(origins));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The plan of a command line of this command (its arguments after {@code collapse}), without running it. */
    static Plan parse(List<String> args) {
        CommandLine command = commandLine(new Main.Streams(System.out, System.err));
        command.parseArgs(args.toArray(String[]::new));
        return ((CollapseCommand) command.getCommand()).plan();
    }

    /**
     * What makes two studies the same experiment: the training configuration (seed aside) and the protocol. Seeds and
     * branch points may be added to a folder; anything else needs a new one.
     */
    static String definition(TrainConfig config, GapCollapse protocol) {
        String text = config.toBuilder().optSeed(0).build() + "\n" + protocol;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The folder's manifest, or a new one; refuses a folder that is not a study folder or holds another study. */
    private SweepManifest manifest(String definition, int trials) {
        boolean ours;
        try {
            ours = OutputFolder.check(out, SweepManifest.FILE, "collapse study folder", "--out");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException(IoErrors.cannot("create the study folder", out, e));
        }
        // a manifest of anything else (a sweep folder, another study) has another definition and is refused below
        Optional<SweepManifest> existing = ours ? SweepManifest.read(out) : Optional.empty();
        if (existing.isPresent() && !existing.get().definition().equals(definition)) {
            throw new UsageException(out + " holds a study with another configuration or protocol (" + SweepManifest.FILE + " says "
                    + existing.get().definition().substring(0, 12) + "…, this one is " + definition.substring(0, 12)
                    + "…). Choose another --out, or the same options as before");
        }
        return existing.map(m -> new SweepManifest(m.definition(), Math.max(m.runs(), trials), m.invocations()))
                .orElse(new SweepManifest(definition, trials, List.of()));
    }

    /** The trials already in the folder. */
    private List<CollapseTrial> existing() throws IOException {
        Path file = out.resolve(TRIALS);
        if (!Files.exists(file)) return List.of();
        List<CollapseTrial> kept = CollapseFile.read(file);
        io.err().println("continuing " + out + ": " + kept.size() + " trials kept");
        return kept;
    }

    private void write(List<CollapseTrial> trials) {
        try {
            CollapseFile.write(out.resolve(TRIALS), trials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
