package org.spectraledge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.capture.UpdateCapture;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.platform.Denormals;
import org.spectraledge.platform.Engines;
import org.spectraledge.run.Experiment;
import org.spectraledge.platform.ProcStat;
import org.spectraledge.run.RunFolder;
import org.spectraledge.train.StepContext;
import org.spectraledge.run.TrainConfig;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingLoop;
import org.spectraledge.train.TrainingOutcome;

/**
 * Measures training throughput against PyTorch and the cost of update capture in one run. Figures:
 * docs/benchmarks.md#training-throughput-against-pytorch and docs/benchmarks.md#update-capture-cost.
 *
 * <p>For each model one training loop runs; it is cut into cycles of three rounds of the same number of steps:
 * <ol>
 *   <li>Java: {@link TrainingLoop} steps alone;</li>
 *   <li>Java: the same with {@link UpdateCapture} (group all, stride 1, W = 10) and its window rows appended to a
 *       {@link RunFolder}, as {@code spectral-edge train} does;</li>
 *   <li>PyTorch: the same model in Debian's python3-torch ({@link TorchPeer}), same threads, full batch, AdamW.</li>
 * </ol>
 * Before the cycles, {@code warmup} steps with capture on (and one PyTorch round) warm up the JIT, the allocators and
 * the caches; they are not timed. Ratios are taken within a cycle (paired rounds, so a load change on a
 * shared machine hits both sides of a ratio) and their median is reported. Capture cost is also read from the
 * capture's own timer.
 *
 * <p>Run (after {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar org.spectraledge.bench.TrainThroughput \
 *      --threads 1 [--cycles 7] [--models mlp,nanda,mlp-1m] [--round-steps mlp=40,nanda=4] [--warmup mlp=200,nanda=8]
 * </pre>
 */
public final class TrainThroughput {

    /** The timed rounds of one model. */
    private static final class Rounds implements TrainingListener {
        final BenchModel model;
        final int steps;
        final int warmup;
        final UpdateCapture capture;
        final TorchPeer peer;
        final List<Double> plain = new ArrayList<>();
        final List<Double> captured = new ArrayList<>();
        final List<Double> captureOwn = new ArrayList<>();
        final List<Double> torch = new ArrayList<>();
        final List<Double> plainFaults = new ArrayList<>();         // minor page faults per step
        final List<Double> torchFaults = new ArrayList<>();
        boolean captureOn;
        int inRound;
        long mark = System.nanoTime();
        long faultsAtMark;
        double captureSecondsAtMark;

        Rounds(BenchModel model, int steps, int warmup, UpdateCapture capture, TorchPeer peer) {
            this.model = model;
            this.steps = steps;
            this.warmup = warmup;
            this.capture = capture;
            this.peer = peer;
        }

        @Override
        public void afterStep(StepContext context) {
            if (context.step() <= warmup) {
                capture.afterStep(context);
                if (context.step() == warmup) {
                    peer.steps(model.name(), steps);
                    captureSecondsAtMark = capture.seconds();
                    faultsAtMark = ProcStat.minorFaults();
                    mark = System.nanoTime();
                }
                return;
            }
            if (captureOn) capture.afterStep(context);
            if (++inRound < steps) return;
            double seconds = (System.nanoTime() - mark) / 1e9;
            inRound = 0;
            if (!captureOn) {
                plain.add(seconds);
                plainFaults.add((ProcStat.minorFaults() - faultsAtMark) / (double) steps);
            } else {
                captured.add(seconds);
                captureOwn.add(capture.seconds() - captureSecondsAtMark);
                TorchPeer.Round t = peer.steps(model.name(), steps);
                if (!Double.isFinite(t.loss())) throw new IllegalStateException("the PyTorch peer diverged: loss " + t.loss());
                torch.add(t.seconds());
                torchFaults.add(t.minorFaults() / (double) steps);
                int c = torch.size() - 1;
                System.out.printf(Locale.ROOT, "  %-7s cycle %d: java %.1f ms/step, java+capture %.1f ms/step (capture %.2f ms), "
                                + "torch %.1f ms/step, loss java %.4f torch %.4f%n", model.name(), c,
                        1e3 * plain.get(c) / steps, 1e3 * captured.get(c) / steps, 1e3 * captureOwn.get(c) / steps,
                        1e3 * t.seconds() / steps, context.trainLoss(), t.loss());
            }
            captureOn = !captureOn;
            captureSecondsAtMark = capture.seconds();
            faultsAtMark = ProcStat.minorFaults();
            mark = System.nanoTime();
        }

        /** One Markdown table row. */
        String row(long parameters, int threads) {
            List<Double> javaPerTorch = new ArrayList<>(), overhead = new ArrayList<>(), ownShare = new ArrayList<>();
            List<Double> p = plain, cap = captured, own = captureOwn, t = torch;
            for (int c = 0; c < t.size(); c++) {
                javaPerTorch.add(t.get(c) / p.get(c));                  // (Java steps/s) / (torch steps/s)
                overhead.add(cap.get(c) / p.get(c) - 1);
                ownShare.add(own.get(c) / p.get(c));
            }
            return String.format(Locale.ROOT, "| %s | %,d | %d | %d × %d | %.1f | %.1f | **%.2f** (%.2f–%.2f) | %.1f | %.2f | **%.1f %%** | %.1f %% | %.0f / %.0f |",
                    model.name(), parameters, threads, t.size(), steps, steps / Stats.median(p), steps / Stats.median(t),
                    Stats.median(javaPerTorch), Stats.min(javaPerTorch), Stats.max(javaPerTorch), steps / Stats.median(cap),
                    1e3 * Stats.median(own) / steps, 100 * Stats.median(ownShare), 100 * Stats.median(overhead),
                    Stats.median(plainFaults), Stats.median(torchFaults));
        }
    }

    private TrainThroughput() {}

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        List<String> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; JDK %s; %s; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Machine.jdk(), Machine.hugePages(),
                Machine.loadAverage());
        try (TorchPeer peer = new TorchPeer(o.threads)) {
            System.out.println("PyTorch peer: torch " + peer.version() + " (Debian python3-torch), threads " + o.threads);
            for (BenchModel m : o.models) rows.add(measure(m, o, peer));
        }
        System.out.printf(Locale.ROOT, "load average at end %s%n%n", Machine.loadAverage());
        System.out.println("| model | P | threads | cycles × steps | Java steps/s | torch steps/s | Java/torch (min–max) "
                + "| Java+capture steps/s | capture ms/step | capture / step (own timer) | capture / step (round difference) "
                + "| minor page faults / step, Java / torch |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static String measure(BenchModel model, Options o, TorchPeer peer) throws IOException {
        int steps = o.roundSteps(model);
        int warmup = o.warmup(model);
        long total = warmup + 2L * steps * o.cycles;
        TrainConfig config = TrainConfig.of(model.options(o.threads, total));
        Path dir = Files.createTempDirectory("trainbench-" + model.name());
        try (Experiment exp = Experiment.create(config)) {
            Denormals.flushOnThisThread(true);                       // as TrainRun
            long parameters = exp.parameterCount();
            long peerParameters = peer.init(model.name(), model.kind(), model.p(), exp.train().size(), model.d(), model.width(), 0);
            if (peerParameters != parameters) {
                throw new IllegalStateException(model.name() + ": the PyTorch model has " + peerParameters + " parameters, ours "
                        + parameters + "; the two architectures differ");
            }
            System.out.printf(Locale.ROOT, "%s: P = %,d, %d training examples, libtorch %s (DJL)%n", model.name(), parameters,
                    exp.train().size(), Engines.start().pytorchVersion());
            AnalysisConfig analysis = AnalysisConfig.builder().optWindow(config.window()).optLearningRate(config.lr()).build();
            try (UpdateCapture capture = new UpdateCapture(exp.parameters(), List.of(ParameterGroup.all()), 1, analysis);
                 RunFolder folder = new RunFolder(dir, capture.groups(), config.window())) {
                folder.createLogs();
                capture.addBackgroundSink(folder::append);
                capture.start(exp.parameters(), 0);
                Rounds rounds = new Rounds(model, steps, warmup, capture, peer);
                TrainingLoop loop = exp.loop(0);
                loop.addListener(rounds);
                TrainingOutcome outcome = loop.run(exp.manager());
                if (outcome.status() != TrainingOutcome.Status.COMPLETED) {
                    throw new IllegalStateException(model.name() + ": training did not complete: " + outcome.message());
                }
                return rounds.row(parameters, o.threads);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Command-line options. */
    private record Options(int threads, int cycles, List<BenchModel> models, java.util.Map<String, Integer> roundSteps,
                           java.util.Map<String, Integer> warmups) {
        int roundSteps(BenchModel m) {
            return roundSteps.getOrDefault(m.name(), m.stepsPerRound());
        }

        /** Untimed steps before the cycles: 5 rounds' worth by default. */
        int warmup(BenchModel m) {
            return warmups.getOrDefault(m.name(), 5 * roundSteps(m));
        }

        static Options parse(String[] args) {
            int threads = 2, cycles = 7;
            List<BenchModel> models = List.of(BenchModel.MLP, BenchModel.NANDA);
            java.util.Map<String, Integer> roundSteps = new java.util.HashMap<>(), warmups = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                    case "--cycles" -> cycles = Integer.parseInt(require(args[i], value));
                    case "--models" -> models = Stream.of(require(args[i], value).split(",")).map(BenchModel::named).toList();
                    case "--round-steps" -> perModel(args[i], require(args[i], value), roundSteps);
                    case "--warmup" -> perModel(args[i], require(args[i], value), warmups);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --threads N, --cycles N, --models mlp,nanda,mlp-1m, --round-steps mlp=40,nanda=4, --warmup mlp=200,nanda=20");
                }
                i++;
            }
            if (threads < 1 || cycles < 1) throw new IllegalArgumentException("--threads and --cycles must be ≥ 1");
            return new Options(threads, cycles, models, roundSteps, warmups);
        }

        private static void perModel(String option, String value, java.util.Map<String, Integer> into) {
            for (String kv : value.split(",")) {
                String[] p = kv.split("=");
                if (p.length != 2) throw new IllegalArgumentException(option + " takes model=steps pairs, e.g. mlp=40,nanda=4");
                into.put(BenchModel.named(p[0]).name(), Integer.parseInt(p[1]));
            }
        }

        private static String require(String option, String value) {
            if (value == null) throw new IllegalArgumentException(option + " needs a value");
            return value;
        }
    }
}
