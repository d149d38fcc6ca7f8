package org.spectraledge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.spectraledge.intervention.CollapseBranch;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spectral-edge collapse}: the gap collapse intervention of framework §6 over seeds, branch points t₀ and
 * positions j, written as one CSV row per branch, then the Gap Maximality summary. Rerun with the same {@code --out}, it
 * keeps the trials already in the file and runs only the missing ones.
 */
@Command(name = "collapse",
        customSynopsis = "spectral-edge collapse [TRAINING OPTIONS] --origins T0,... [--seeds S,...] [--positions J,...] --out FILE",
        description = {"collapse the gap at each position j from branch points t0 of a run, beside the paired unmodified control",
                "",
                "From each t0 (a capture step on the plateau) the run is trained K steps with every update's dominant block"
                        + " v_1..v_j shrunk by sigma_{j+1}/sigma_j (so r_j = 1 in the windows that follow), then L steps unmodified;"
                        + " the control trains the same steps from the same weights and minibatches. Writes FILE (one row per"
                        + " branch) and prints, per j, the median change of validation loss with its bootstrap interval, and"
                        + " whether k*'s collapse hurts more than any other position's."},
        footer = {"", "example: spectral-edge collapse --task add --p 97 --model transformer --lr 1e-3 --wd 1 --batch 512 \\",
                "           --stride 100 --window 10 --group attention --origins 800,1200 --seeds 1,2,3 --continue 500 --out collapse.csv"})
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
    private long steps;

    @Option(names = "--continue", paramLabel = "L", description = "unmodified steps after t0+K (default: 0)")
    private long continued;

    @Option(names = "--grok-budget", paramLabel = "N", description = "more steps after t0+K+L to look for the grok step (default: 0)")
    private long budget;

    @Option(names = "--rule", paramLabel = "RULE", description = "the gap rule naming k*: plain, weighted or floored (default: plain)")
    private String rule = "plain";

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the CSV of trials (required); an existing one is continued")
    private Path out;

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
        if (origins.isEmpty()) throw new UsageException("--origins T0,... is required (branch points on the plateau, e.g. --origins 800,1200)");
        if (out == null) throw new UsageException("--out FILE is required (the CSV of trials)");
        TrainConfig base = new TrainArguments(TrainOptionSpecs.trainingOptions(spec.commandLine().getParseResult()),
                Optional.empty(), false).config();
        GapCollapse protocol;
        try {
            protocol = GapCollapse.builder().optPositions(positions).optSteps(steps).optContinued(continued).optBudget(budget)
                    .optRule(GapRule.parse(rule)).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<CollapseTrial> trials = new ArrayList<>(existing(protocol, base));
        PrintStream err = io.err();
        for (long seed : seeds.isEmpty() ? List.of(base.seed()) : seeds) {
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
        Bootstrap bootstrap = Bootstrap.withSeed(1);
        io.out().println(CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_COLLAPSE, bootstrap));
        if (protocol.continued() > 0) io.out().println(CollapseSummary.of(trials, CollapseTrial.Horizon.AFTER_CONTINUATION, bootstrap));
        io.out().println("wrote " + trials.size() + " trials to " + out);
        return 0;
    }

    /** The trials already in {@code --out}, refused if they were run with another K or L. */
    private List<CollapseTrial> existing(GapCollapse protocol, TrainConfig config) throws IOException {
        if (!Files.exists(out)) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) throw new UsageException("the folder of --out does not exist: " + parent);
            return List.of();
        }
        List<CollapseTrial> kept;
        try {
            kept = CollapseFile.read(out);
        } catch (IOException | RuntimeException e) {
            throw new UsageException(out + " exists and is not a collapse trial file (" + e.getMessage() + "); choose another --out");
        }
        long k = protocol.stepsFor(config.window(), config.stride() > 0 ? config.stride() : 1);
        for (CollapseTrial t : kept) {
            if ((protocol.steps() > 0 && t.steps() != k) || t.continued() != protocol.continued()) {
                throw new UsageException(out + " holds trials with K = " + t.steps() + ", L = " + t.continued()
                        + "; this study asks for other values. Choose another --out, or the same --collapse-steps and --continue");
            }
        }
        io.err().println("continuing " + out + ": " + kept.size() + " trials kept");
        return kept;
    }

    private void write(List<CollapseTrial> trials) {
        try {
            CollapseFile.write(out, trials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
