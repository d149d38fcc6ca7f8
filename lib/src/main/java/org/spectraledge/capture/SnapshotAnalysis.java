package org.spectraledge.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spectraledge.spectral.AnalysisConfig;
import org.spectraledge.spectral.NonFiniteUpdateException;
import org.spectraledge.spectral.SpectralTracker;
import org.spectraledge.spectral.VectorSource;
import org.spectraledge.spectral.WindowResult;

import org.spectraledge.train.model.ParameterLayout;
/**
 * One whole-model snapshot stream feeding one {@link SpectralTracker} per parameter group (framework §1): each group
 * reads its own ranges of the same snapshot, so "all", "attention" and a single layer can be watched at once.
 *
 * <p>A snapshot holding NaN or an infinity is rejected before any group sees it, so every group's window stays as
 * it was and all groups stay in step; the error names the snapshot and the tensor holding the bad value.
 */
public final class SnapshotAnalysis {
    private final ParameterLayout layout;
    private final Map<String, ParameterGroup.Selection> selections = new LinkedHashMap<>();
    private final Map<String, SpectralTracker> trackers = new LinkedHashMap<>();

    /**
     * @param layout the snapshot's tensors
     * @param groups the groups to watch (names must differ)
     * @param config analysis settings shared by every group
     */
    public SnapshotAnalysis(ParameterLayout layout, List<ParameterGroup> groups, AnalysisConfig config) {
        if (groups.isEmpty()) throw new IllegalArgumentException("watch at least one parameter group, e.g. 'all'");
        this.layout = layout;
        for (ParameterGroup g : groups) {
            if (selections.containsKey(g.name())) throw new IllegalArgumentException("parameter group '" + g.name() + "' given twice");
            ParameterGroup.Selection s = g.resolve(layout);
            selections.put(g.name(), s);
            trackers.put(g.name(), new SpectralTracker(g.name(), s.size(), config));
        }
    }

    /** The group names, in the order given. */
    public List<String> groups() { return List.copyOf(trackers.keySet()); }

    /** The tracker of one group. */
    public SpectralTracker tracker(String group) {
        SpectralTracker t = trackers.get(group);
        if (t == null) throw new IllegalArgumentException("no parameter group '" + group + "'; groups are " + trackers.keySet());
        return t;
    }

    /** Each group's results so far (unmodifiable). */
    public Map<String, List<WindowResult>> results() {
        Map<String, List<WindowResult>> m = new LinkedHashMap<>();
        trackers.forEach((k, v) -> m.put(k, v.results()));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Adds a whole-model snapshot.
     *
     * @param theta the snapshot, length {@link ParameterLayout#size()}. Not modified.
     * @param step  its label
     * @return each group's new window result (empty entries for groups whose window has no gap yet)
     * @throws NonFiniteUpdateException if the snapshot holds NaN or an infinity; no group is changed
     */
    public Map<String, Optional<WindowResult>> pushSnapshot(VectorSource theta, long step) {
        if (theta.length() != layout.size()) {
            throw new IllegalArgumentException("step " + step + ": snapshot has " + theta.length()
                    + " elements but the model's layout has " + layout.size());
        }
        checkFinite(theta, step);
        Map<String, Optional<WindowResult>> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpectralTracker> e : trackers.entrySet()) {
            ParameterGroup.Selection s = selections.get(e.getKey());
            out.put(e.getKey(), e.getValue().pushSnapshot(theta.select(s.offsets(), s.lengths()), step));
        }
        return out;
    }

    private void checkFinite(VectorSource theta, long step) {
        double[] block = new double[4096];
        for (int off = 0; off < theta.length(); off += block.length) {
            int n = Math.min(block.length, theta.length() - off);
            theta.read(off, block, n);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(block[i])) {
                    int index = off + i;
                    ParameterLayout.Entry where = layout.entries().stream()
                            .filter(e -> index >= e.offset() && index < e.offset() + e.length()).findFirst().orElseThrow();
                    List<String> groups = new ArrayList<>();
                    selections.forEach((g, s) -> { if (s.contains(index)) groups.add(g); });
                    throw new NonFiniteUpdateException(step, "snapshot element " + index + " (tensor '" + where.name()
                            + "', element " + (index - where.offset()) + ", groups " + groups + ") is " + block[i]);
                }
            }
        }
    }
}
