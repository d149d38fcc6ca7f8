package org.spectraledge.capture;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.spectral.SpectralAnalyzer;
import org.spectraledge.spectral.UpdateWindow;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingOutcome;

import org.spectraledge.train.model.ParameterLayout;
/**
 * The training listener that captures parameter updates (framework §1): every {@code stride} optimizer steps it takes a
 * snapshot of each parameter group, forms the update against the previous one, and streams it into that group's
 * {@link UpdateWindow}, whose Gram state is then analyzed. Each new {@link WindowResult} (labelled by optimizer step)
 * goes to the sinks, e.g. the run log or a live figure.
 *
 * <p>Only the snapshot (θ copied to the Java heap and checked for NaN, {@link SnapshotReader}) is taken on the
 * training thread. The update, its inner products and the analysis run on a background thread
 * ({@link CaptureWorker}) while training goes on, in order and in batches of up to {@link #MAX_BATCH} captures (one
 * pass over each window per batch), so the results are exactly those of doing it all inline. The background work is
 * plain Java on one idle-priority thread: engine operations there would start their own OpenMP teams next to
 * training's and, with training on every core, slow it far more than their own time (figures:
 * docs/benchmarks.md#update-capture-cost). Sinks are called on the training thread, in order, when it next comes here
 * after a batch is done (so a result arrives up to two batches of captures late), or at {@link #drain()}, which the
 * end of training, checkpoints and every accessor of the windows call first; background sinks
 * ({@link #addBackgroundSink}) get each result on the background thread as soon as it is computed.
 *
 * <p>Call {@link #start} once with the initial parameters before the first step (a resumed run restores the
 * windows with {@link #load} instead). The time spent here is measured, so its overhead can be reported.
 */
public final class UpdateCapture implements TrainingListener, AutoCloseable {

    private final int stride;
    private final AnalysisConfig config;
    private final Map<String, ParameterGroup.Selection> selections = new LinkedHashMap<>();
    private final Map<String, SnapshotReader> readers = new LinkedHashMap<>();
    private final Map<String, UpdateWindow> windows = new LinkedHashMap<>();
    private final Map<String, SpectralAnalyzer> analyzers = new LinkedHashMap<>();
    private final Map<String, List<WindowResult>> results = new LinkedHashMap<>();
    private final List<BiConsumer<String, WindowResult>> sinks = new ArrayList<>();
    private final List<BiConsumer<String, WindowResult>> backgroundSinks = new ArrayList<>();
    /** Results the worker finished and the sinks have not seen yet, in order. */
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final CaptureWorker<Snapshots> worker;
    private long nanos;

    /** Most snapshots per background batch: beyond 8 the stored updates' share of the memory moved is small. */
    static final int MAX_BATCH = 8;
    /** Bound on the memory of snapshots waiting for the background thread (two batches). */
    static final long PENDING_BYTES = 64L << 20;

    /** One capture's θ of every group, by group name, and its step label. */
    private record Snapshots(Map<String, double[]> theta, long step) {}

    private record Finished(String group, WindowResult result) {}

    /**
     * @param parameters the model's parameters by stable name, in layout order
     * @param groups     the groups to capture
     * @param stride     capture every this many optimizer steps (framework default, §1: 1 below 10⁶ parameters, else 100)
     * @param config     window length and analysis settings (its learning rate feeds 𝒜)
     */
    public UpdateCapture(List<NamedParameter> parameters, List<ParameterGroup> groups, int stride, AnalysisConfig config) {
        if (stride < 1) throw new IllegalArgumentException("capture stride must be ≥ 1 step, got " + stride);
        if (groups.isEmpty()) throw new IllegalArgumentException("capture at least one parameter group, e.g. 'all'");
        this.stride = stride;
        this.config = config;
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) positions.put(parameters.get(i).name(), i);
        ParameterLayout.Builder layout = ParameterLayout.builder();
        for (NamedParameter p : parameters) layout.add(p.name(), Math.toIntExact(p.parameter().getArray().size()));
        ParameterLayout built = layout.build();
        for (ParameterGroup g : groups) {
            if (selections.containsKey(g.name())) throw new IllegalArgumentException("parameter group '" + g.name() + "' given twice");
            selections.put(g.name(), g.resolve(built));
        }
        int batch = batchSize(8L * selections.values().stream().mapToLong(ParameterGroup.Selection::size).sum());
        for (ParameterGroup g : groups) {
            ParameterGroup.Selection s = selections.get(g.name());
            readers.put(g.name(), new SnapshotReader(g.name(), s.names(), s.names().stream().mapToInt(positions::get).toArray(), s.size()));
            windows.put(g.name(), new UpdateWindow(g.name(), config.window(), s.size(), batch));
            analyzers.put(g.name(), new SpectralAnalyzer(config, s.size()));
            results.put(g.name(), new ArrayList<>());
        }
        worker = new CaptureWorker<>("update-capture", batch, new Pushes());
    }

    /**
     * Snapshots per background batch for captures of this many bytes: {@link #MAX_BATCH}, fewer where two batches
     * would hold more than {@link #PENDING_BYTES} (at least 1).
     */
    static int batchSize(long bytesPerCapture) {
        return (int) Math.max(1, Math.min(MAX_BATCH, PENDING_BYTES / (2 * bytesPerCapture)));
    }

    /** framework §1 default stride: 1 for models under 10⁶ parameters, else 100. */
    public static int defaultStride(long parameters) {
        return parameters < 1_000_000 ? 1 : 100;
    }

    /** Receives every new window result with its group name, on the training thread (one capture later or at {@link #drain()}). */
    public UpdateCapture addSink(BiConsumer<String, WindowResult> sink) {
        sinks.add(sink);
        return this;
    }

    /**
     * Receives every new window result with its group name on the background thread, in order, as soon as it is
     * computed: for consumers that are thread-safe and may be slow, such as the run log (formatting and writing a row
     * per step took the training thread about as long as taking the snapshot). If it throws, capture stops as on a
     * failed push: the error is rethrown on the training thread at its next capture or {@link #drain()}. Add
     * background sinks before the first capture.
     */
    public UpdateCapture addBackgroundSink(BiConsumer<String, WindowResult> sink) {
        backgroundSinks.add(sink);
        return this;
    }

    /** Group names in order. */
    public List<String> groups() { return List.copyOf(windows.keySet()); }

    /** Number of parameters in a group. */
    public int groupSize(String group) { return selections.get(group).size(); }

    /** The results of one group so far, after {@link #drain()}. */
    public List<WindowResult> results(String group) {
        List<WindowResult> r = results.get(group);
        if (r == null) throw new IllegalArgumentException("no captured group '" + group + "'; groups are " + results.keySet());
        drain();
        return List.copyOf(r);
    }

    /** The tensors of a group in layout order: the space its directions v_j live in (e.g. for a mode probe). */
    public ParameterGroup.Selection selection(String group) {
        ParameterGroup.Selection s = selections.get(group);
        if (s == null) throw new IllegalArgumentException("no captured group '" + group + "'; groups are " + selections.keySet());
        return s;
    }

    /** The window of a group (for directions v_j on demand), after {@link #drain()}. */
    public UpdateWindow window(String group) {
        drain();
        return windows.get(group);
    }

    /** The capture step stride. */
    public int stride() { return stride; }

    /** The analysis settings. */
    public AnalysisConfig config() { return config; }

    /**
     * Seconds the training thread spent here so far: taking snapshots, handing them over (waiting if the background
     * thread is behind) and calling the sinks. This is what capture adds to training time.
     */
    public double seconds() { return nanos / 1e9; }

    /** Seconds the background thread spent on updates, inner products and analyses so far (overlapping training). */
    public double backgroundSeconds() { return worker.busySeconds(); }

    /** Takes the reference snapshot θ_0 (call once before training starts). */
    public void start(List<NamedParameter> parameters, long step) {
        capture(parameters, step);
    }

    @Override
    public void afterStep(StepContext context) {
        if (context.step() % stride == 0) capture(context.parameters(), context.step());
    }

    /** Waits for the background thread and hands every finished result to the sinks; training calls it at its end. */
    @Override
    public void onEnd(TrainingOutcome outcome) {
        drain();
    }

    /**
     * Waits until every snapshot taken so far is in its window and analyzed, and hands the results to the sinks.
     *
     * @throws RuntimeException what the background work threw (e.g. a {@link NonFiniteUpdateException}), once; the
     *                          snapshots after it are not pushed
     */
    public void drain() {
        long t0 = System.nanoTime();
        try {
            worker.awaitIdle();
            deliver();
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    private void capture(List<NamedParameter> parameters, long step) {
        long t0 = System.nanoTime();
        try {
            deliver();
            Map<String, double[]> snapshots = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, SnapshotReader> e : readers.entrySet()) snapshots.put(e.getKey(), e.getValue().read(parameters, step));
            } catch (RuntimeException e) {
                snapshots.forEach((group, theta) -> readers.get(group).recycle(theta));
                throw e;
            }
            worker.submit(new Snapshots(snapshots, step));
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    /**
     * Pushes a batch of captures into the windows and analyzes every window, on the background thread. Results are
     * queued for the sinks in capture order (every group of one capture, then the next), as if pushed one by one.
     */
    private final class Pushes implements CaptureWorker.Processor<Snapshots> {
        @Override
        public void process(List<Snapshots> batch) {
            long[] steps = batch.stream().mapToLong(Snapshots::step).toArray();
            List<List<Finished>> byCapture = new ArrayList<>();
            for (int a = 0; a < batch.size(); a++) byCapture.add(new ArrayList<>(windows.size()));
            try {
                for (Map.Entry<String, UpdateWindow> e : windows.entrySet()) {
                    String group = e.getKey();
                    UpdateWindow window = e.getValue();
                    List<VectorSource> thetas = batch.stream().map(c -> VectorSource.of(c.theta().get(group))).toList();
                    window.pushSnapshots(thetas, steps, a -> analyzers.get(group).analyze(window.gram())
                            .ifPresent(r -> byCapture.get(a).add(new Finished(group, r))));
                }
            } finally {
                byCapture.forEach(finished::addAll);
            }
            for (List<Finished> capture : byCapture) {
                for (Finished f : capture) for (BiConsumer<String, WindowResult> s : backgroundSinks) s.accept(f.group(), f.result());
            }
        }

        @Override
        public void release(Snapshots capture) {
            capture.theta().forEach((group, theta) -> readers.get(group).recycle(theta));
        }
    }

    /** Gives the sinks what the worker finished, in order, then rethrows its failure if it has one not yet thrown. */
    private void deliver() {
        for (Finished f; (f = finished.poll()) != null; ) {
            results.get(f.group()).add(f.result());
            for (BiConsumer<String, WindowResult> s : sinks) s.accept(f.group(), f.result());
        }
        RuntimeException failure = worker.takeFailure();
        if (failure != null) throw failure;
    }

    /** Writes every group's window for a checkpoint (results already written to the log are not repeated). */
    public void save(DataOutputStream out) throws IOException {
        drain();
        out.writeInt(windows.size());
        for (UpdateWindow w : windows.values()) WindowCheckpoint.write(out, w);
    }

    /**
     * Restores every group's window from a checkpoint so that capture continues exactly where it stopped. The
     * in-memory results restart empty: those of earlier sessions are in the run's log.
     */
    public void load(DataInputStream in) throws IOException {
        drain();
        int n = in.readInt();
        if (n != windows.size()) throw new IOException("checkpoint holds " + n + " captured groups, this run has " + windows.size());
        for (Map.Entry<String, UpdateWindow> e : windows.entrySet()) {
            WindowCheckpoint.read(in, e.getValue());
            analyzers.put(e.getKey(), SpectralAnalyzer.resuming(config, selections.get(e.getKey()).size(), e.getValue().gram()));
            results.get(e.getKey()).clear();
        }
    }

    /**
     * The capture as it is now, in memory: every group's window and how many results it has, to return to with
     * {@link #reset} (a branch point: the same checkpoint trained two ways).
     *
     * @param windows the windows, as a checkpoint writes them
     * @param results each group's number of results
     */
    public record Mark(byte[] windows, Map<String, Integer> results) {
        public Mark {
            windows = windows.clone();
            results = Map.copyOf(results);
        }

        @Override public byte[] windows() { return windows.clone(); }
    }

    /** Marks the capture's state now (after {@link #drain()}). */
    public Mark mark() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        results.forEach((group, list) -> counts.put(group, list.size()));
        return new Mark(bytes.toByteArray(), counts);
    }

    /**
     * Returns to a {@link #mark()} of this capture: the windows as they were, and each group's results cut back to
     * those it had then (the ones after belong to the branch being left).
     */
    public void reset(Mark mark) {
        if (!mark.results().keySet().equals(results.keySet())) {
            throw new IllegalArgumentException("the mark is of a capture of groups " + mark.results().keySet() + ", this one captures "
                    + results.keySet());
        }
        List<List<WindowResult>> kept = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(mark.windows()))) {
            drain();
            for (Map.Entry<String, List<WindowResult>> e : results.entrySet()) {
                List<WindowResult> r = e.getValue();
                kept.add(new ArrayList<>(r.subList(0, Math.min(r.size(), mark.results().get(e.getKey())))));
            }
            load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("a mark of this capture could not be read back", e);
        }
        int i = 0;
        for (List<WindowResult> r : results.values()) r.addAll(kept.get(i++));
    }

    @Override
    public void close() {
        worker.close();
        finished.clear();
    }
}
