package org.spectraledge.spectral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One parameter group's whole pipeline: snapshots or updates in, one {@link WindowResult} per window out
 * (framework §1–5). In exact mode the window stores the updates themselves; in sketch mode ({@code sketchDimension > 0})
 * each vector is first projected by a {@link CountSketch}, so memory is O(W·d) whatever P is.
 */
public final class SpectralTracker {
    private final AnalysisConfig config;
    private final int parameters;
    private final CountSketch sketch;
    private final UpdateWindow window;
    private final SpectralAnalyzer analyzer;
    private final List<WindowResult> results = new ArrayList<>();

    /**
     * @param group      group name, used in error messages
     * @param parameters P
     */
    public SpectralTracker(String group, int parameters, AnalysisConfig config) {
        this.config = config;
        this.parameters = parameters;
        this.sketch = config.sketchDimension() > 0 ? new CountSketch(config.sketchDimension(), config.sketchSeed()) : null;
        this.window = new UpdateWindow(group, config.window(), sketch == null ? parameters : sketch.dimension());
        this.analyzer = new SpectralAnalyzer(config, parameters);
    }

    /** The settings. */
    public AnalysisConfig config() { return config; }

    /** The underlying window (its vectors are sketches in sketch mode). */
    public UpdateWindow window() { return window; }

    /**
     * Adds a snapshot θ_t.
     *
     * @return the new window's result; empty for the first snapshot and while the window holds one update
     */
    public Optional<WindowResult> pushSnapshot(VectorSource theta, long step) {
        checkLength(theta, step);
        boolean pushed = window.pushSnapshot(project(theta), step);
        return pushed ? record() : Optional.empty();
    }

    /** Adds an update δ_t; returns the new window's result (empty while the window holds one update). */
    public Optional<WindowResult> pushUpdate(VectorSource delta, long step) {
        checkLength(delta, step);
        window.pushUpdate(project(delta), step);
        return record();
    }

    /** Every result so far, in order (unmodifiable view). */
    public List<WindowResult> results() { return Collections.unmodifiableList(results); }

    /** The latest result, if any. */
    public Optional<WindowResult> latest() {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
    }

    private VectorSource project(VectorSource v) {
        return sketch == null ? v : VectorSource.of(sketch.apply(v));
    }

    private void checkLength(VectorSource v, long step) {
        if (v.length() != parameters) {
            throw new IllegalArgumentException("group '" + window.group() + "', step " + step + ": vector has " + v.length()
                    + " elements but the group has " + parameters + " parameters (did the model or the group change?)");
        }
    }

    private Optional<WindowResult> record() {
        Optional<WindowResult> r = analyzer.analyze(window.gram());
        r.ifPresent(results::add);
        return r;
    }
}
