package org.spectraledge.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
import org.spectraledge.spectral.WindowResult;
import org.spectraledge.train.NamedParameter;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.TrainingOutcome;

/**
 * The training listener that captures parameter updates (SPEC §1): every {@code stride} optimizer steps it takes a
 * snapshot of each parameter group, forms the update against the previous one, and streams it into that group's
 * window, all in native memory ({@link NativeUpdateWindow}); the window's Gram state is then analyzed in Java. Each
 * new {@link WindowResult} (labelled by optimizer step) goes to the sinks, e.g. the run log or a live figure.
 *
 * <p>Only the snapshot (a copy of θ, checked for NaN) is taken on the training thread. The update, its inner
 * products and the analysis run on a background thread ({@link CaptureWorker}) while the next step trains, in
 * order, so the results are exactly those of doing it all inline. The sinks are still called on the training
 * thread, in order, when it next comes here: a window's result reaches them one capture later, or at
 * {@link #drain()}, which the end of training, checkpoints and every accessor of the windows call first.
 *
 * <p>Call {@link #start} once with the initial parameters before the first step (a resumed run restores the
 * windows with {@link #load} instead). The time spent here is measured, so its overhead can be reported.
 */
public final class UpdateCapture implements TrainingListener, AutoCloseable {

    private final int stride;
    private final AnalysisConfig config;
    private final Map<String, ParameterGroup.Selection> selections = new LinkedHashMap<>();
    private final Map<String, NativeUpdateWindow> windows = new LinkedHashMap<>();
    private final Map<String, SpectralAnalyzer> analyzers = new LinkedHashMap<>();
    private final Map<String, List<WindowResult>> results = new LinkedHashMap<>();
    private final List<BiConsumer<String, WindowResult>> sinks = new ArrayList<>();
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    /** Results the worker finished and the sinks have not seen yet, in order. */
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final CaptureWorker worker = new CaptureWorker("update-capture");
    private long nanos;

    private record Finished(String group, WindowResult result) {}

    /**
     * @param parameters the model's parameters by stable name, in layout order
     * @param groups     the groups to capture
     * @param stride     capture every this many optimizer steps (SPEC default: 1 below 10⁶ parameters, else 100)
     * @param config     window length and analysis settings (its learning rate feeds 𝒜)
     * @param manager    parent of the windows' native memory
     */
    public UpdateCapture(List<NamedParameter> parameters, List<ParameterGroup> groups, int stride, AnalysisConfig config,
                         NDManager manager) {
        if (stride < 1) throw new IllegalArgumentException("capture stride must be ≥ 1 step, got " + stride);
        if (groups.isEmpty()) throw new IllegalArgumentException("capture at least one parameter group, e.g. 'all'");
        this.stride = stride;
        this.config = config;
        for (int i = 0; i < parameters.size(); i++) positions.put(parameters.get(i).name(), i);
        ParameterLayout.Builder layout = ParameterLayout.builder();
        for (NamedParameter p : parameters) layout.add(p.name(), Math.toIntExact(p.parameter().getArray().size()));
        ParameterLayout built = layout.build();
        for (ParameterGroup g : groups) {
            if (selections.containsKey(g.name())) throw new IllegalArgumentException("parameter group '" + g.name() + "' given twice");
            ParameterGroup.Selection s = g.resolve(built);
            selections.put(g.name(), s);
            windows.put(g.name(), new NativeUpdateWindow(g.name(), config.window(), s.size(), manager));
            analyzers.put(g.name(), new SpectralAnalyzer(config, s.size()));
            results.put(g.name(), new ArrayList<>());
        }
    }

    /** SPEC §1 default stride: 1 for models under 10⁶ parameters, else 100. */
    public static int defaultStride(long parameters) {
        return parameters < 1_000_000 ? 1 : 100;
    }

    /** Receives every new window result with its group name. */
    public UpdateCapture addSink(BiConsumer<String, WindowResult> sink) {
        sinks.add(sink);
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

    /** The native window of a group (for directions v_j on demand), after {@link #drain()}. */
    public NativeUpdateWindow window(String group) {
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
            Map<NativeUpdateWindow, NDArray> snapshots = new LinkedHashMap<>();
            NDManager scope = null;
            try {
                for (Map.Entry<String, NativeUpdateWindow> e : windows.entrySet()) {
                    List<NDArray> arrays = new ArrayList<>();
                    for (String name : selections.get(e.getKey()).names()) arrays.add(parameters.get(positions.get(name)).parameter().getArray());
                    if (scope == null) scope = e.getValue().manager().newSubManager();
                    snapshots.put(e.getValue(), e.getValue().snapshot(arrays, step, scope));
                }
            } catch (RuntimeException e) {
                if (scope != null) scope.close();
                throw e;
            }
            worker.submit(new PushJob(snapshots, step, scope));
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    /** Pushes one step's snapshots into their windows and analyzes them, on the background thread. */
    private final class PushJob implements CaptureWorker.Job {
        private final Map<NativeUpdateWindow, NDArray> snapshots;
        private final long step;
        private final NDManager scope;

        PushJob(Map<NativeUpdateWindow, NDArray> snapshots, long step, NDManager scope) {
            this.snapshots = snapshots;
            this.step = step;
            this.scope = scope;
        }

        @Override
        public void run() {
            for (Map.Entry<String, NativeUpdateWindow> e : windows.entrySet()) {
                if (e.getValue().push(snapshots.get(e.getValue()), step)) {
                    analyzers.get(e.getKey()).analyze(e.getValue().gram())
                            .ifPresent(r -> finished.add(new Finished(e.getKey(), r)));
                }
            }
        }

        @Override
        public void close() {
            scope.close();
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
        for (NativeUpdateWindow w : windows.values()) w.save(out);
    }

    /**
     * Restores every group's window from a checkpoint so that capture continues exactly where it stopped. The
     * in-memory results restart empty: those of earlier sessions are in the run's log.
     */
    public void load(DataInputStream in) throws IOException {
        drain();
        int n = in.readInt();
        if (n != windows.size()) throw new IOException("checkpoint holds " + n + " captured groups, this run has " + windows.size());
        for (Map.Entry<String, NativeUpdateWindow> e : windows.entrySet()) {
            e.getValue().load(in);
            analyzers.put(e.getKey(), SpectralAnalyzer.resuming(config, selections.get(e.getKey()).size(), e.getValue().gram()));
            results.get(e.getKey()).clear();
        }
    }

    @Override
    public void close() {
        worker.close();
        finished.clear();
        windows.values().forEach(NativeUpdateWindow::close);
    }
}
