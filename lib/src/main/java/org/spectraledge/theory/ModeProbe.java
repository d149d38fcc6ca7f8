package org.spectraledge.theory;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.spectraledge.capture.GroupWeights;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.Objective;
import org.spectraledge.train.TensorSplit;
import org.spectraledge.stats.Correlation;

/**
 * The loss landscape along the window's parameter-space directions v_j of one parameter group (framework §6), for a DJL
 * model: curvature h_j, gradient projections G_j, and the loss change when v_j is ablated from the weights. A
 * direction is a vector over the group's parameters in layout order (as {@code UpdateWindow.directions} returns
 * it); the probe perturbs exactly those tensors and always restores them bit for bit.
 */
public final class ModeProbe {
    private final Block model;
    private final List<NamedParameter> group;
    private final int size;
    private final Objective objective;
    private final GroupWeights weights;

    /**
     * @param model      the model
     * @param parameters all its parameters by stable name
     * @param selection  the group the directions live in (its tensors, in layout order)
     * @param objective  the training objective (its loss is L)
     */
    public ModeProbe(Block model, List<NamedParameter> parameters, ParameterGroup.Selection selection, Objective objective) {
        Map<String, NamedParameter> byName = parameters.stream().collect(Collectors.toMap(NamedParameter::name, Function.identity()));
        this.model = model;
        this.group = selection.names().stream().map(byName::get).toList();
        this.size = selection.size();
        this.objective = objective;
        this.weights = new GroupWeights(parameters, selection);
    }

    /** L(θ) on {@code data}, without gradient recording. */
    public double loss(TensorSplit data) {
        NDManager manager = group.get(0).parameter().getArray().getManager();
        try (NDManager scope = manager.newSubManager()) {
            TensorSplit d = data.copyTo(scope);
            NDList out = model.forward(new ParameterStore(scope, false), d.inputs(), false);
            return objective.loss(out, d.labels()).toType(DataType.FLOAT64, false).toArray()[0].doubleValue();
        }
    }

    /**
     * Curvature along v by the central second difference h = (L(θ+εv) + L(θ−εv) − 2L(θ)) / ε² (= vᵀHv for a unit v,
     * up to O(ε²)).
     *
     * @param v   direction over the group, length P (it need not be unit: h is then vᵀHv for this v)
     * @param eps step ε
     */
    public double curvature(double[] v, double eps, TensorSplit data) {
        double base = loss(data);
        double plus = lossAt(v, eps, data);
        double minus = lossAt(v, -eps, data);
        return (plus + minus - 2 * base) / (eps * eps);
    }

    /** G = ⟨v, ∇L(θ)⟩ on {@code data} (train data for G^tr, validation data for G^val). */
    public double gradientProjection(double[] v, TensorSplit data) {
        check(v);
        double[] g = gradient(data);
        double s = 0;
        for (int i = 0; i < size; i++) s += v[i] * g[i];
        return s;
    }

    /** ∇L(θ) over the group's parameters, length P. Leaves every gradient zeroed. */
    public double[] gradient(TensorSplit data) {
        NDManager manager = group.get(0).parameter().getArray().getManager();
        double[] g = new double[size];
        try (NDManager scope = manager.newSubManager()) {
            TensorSplit d = data.copyTo(scope);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = model.forward(new ParameterStore(scope, false), d.inputs(), true);
                collector.backward(objective.loss(out, d.labels()));
            }
            int offset = 0;
            for (NamedParameter p : group) {
                NDArray w = p.parameter().getArray();
                try (NDArray grad = w.getGradient(); NDArray wide = grad.toType(DataType.FLOAT64, true)) {
                    double[] values = wide.toDoubleArray();
                    System.arraycopy(values, 0, g, offset, values.length);
                    offset += values.length;
                    grad.subi(grad);
                }
            }
        }
        return g;
    }

    /**
     * The loss change when unit direction v is removed from the weights: L(θ − ⟨θ, v⟩v) − L(θ) on {@code data}
     * (the measured side of the spectral loss decomposition, framework §6).
     */
    public double ablationDelta(double[] v, TensorSplit data) {
        check(v);
        double[] theta = weights();
        double c = 0;
        for (int i = 0; i < size; i++) c += theta[i] * v[i];
        return lossAt(v, -c, data) - loss(data);
    }

    /** The group's current weights θ, length P. */
    public double[] weights() {
        return weights.read();
    }

    /**
     * One mode of the spectral loss decomposition.
     *
     * @param j          mode index, 1-based
     * @param curvature  h_j
     * @param gradTrain  G_j^tr
     * @param gradVal    G_j^val
     * @param alpha      α_j used
     * @param importance I_j = α_j·G_j^tr·G_j^val
     * @param deltaLoss  measured validation-loss change when v_j is ablated
     */
    public record Mode(int j, double curvature, double gradTrain, double gradVal, double alpha, double importance,
                       double deltaLoss) {}

    /**
     * The spectral loss decomposition ("Test 8", framework §6) over the given directions, with the Pearson and Spearman
     * correlation of predicted importance and measured Δloss.
     *
     * @param directions v_1..v_k, unit vectors over the group
     * @param alpha      α_j for the same modes
     */
    public Decomposition decompose(double[][] directions, double[] alpha, double eps, TensorSplit train, TensorSplit validation) {
        if (alpha.length < directions.length) throw new IllegalArgumentException("need an α for each of the " + directions.length + " directions");
        List<Mode> modes = new ArrayList<>();
        for (int j = 0; j < directions.length; j++) {
            double[] v = directions[j];
            double gtr = gradientProjection(v, train), gval = gradientProjection(v, validation);
            modes.add(new Mode(j + 1, curvature(v, eps, train), gtr, gval, alpha[j], alpha[j] * gtr * gval,
                    ablationDelta(v, validation)));
        }
        double[] importance = modes.stream().mapToDouble(Mode::importance).toArray();
        double[] delta = modes.stream().mapToDouble(Mode::deltaLoss).toArray();
        boolean enough = modes.size() >= 2;
        return new Decomposition(modes, enough ? Correlation.pearson(importance, delta) : Double.NaN,
                enough ? Correlation.spearman(importance, delta) : Double.NaN);
    }

    /**
     * A decomposition's modes and how well importance predicts the ablation loss.
     *
     * @param pearson  Pearson r of (I_j, Δloss_j); NaN with fewer than 2 modes or a constant side
     * @param spearman Spearman ρ of the same
     */
    public record Decomposition(List<Mode> modes, double pearson, double spearman) {
        public Decomposition {
            modes = List.copyOf(modes);
        }
    }

    /** Krylov bound on the gap position (framework §6): k* ≤ #{j : h_j ≥ 1/(η·W)}. */
    public static int krylovBound(double[] curvatures, double eta, int window) {
        if (!(eta > 0) || window < 1) throw new IllegalArgumentException("need η > 0 and W ≥ 1");
        double threshold = 1 / (eta * window);
        int n = 0;
        for (double h : curvatures) if (h >= threshold) n++;
        return n;
    }

    /** L at θ + t·v, then θ restored exactly. */
    private double lossAt(double[] v, double t, TensorSplit data) {
        check(v);
        List<NDArray> saved = new ArrayList<>();
        try {
            int offset = 0;
            for (NamedParameter p : group) {
                NDArray w = p.parameter().getArray();
                NDArray copy = w.duplicate();
                saved.add(copy);
                int n = Math.toIntExact(w.size());
                float[] shifted = w.toFloatArray();
                for (int i = 0; i < n; i++) shifted[i] += (float) (t * v[offset + i]);
                w.set(shifted);
                offset += n;
            }
            return loss(data);
        } finally {
            for (int k = 0; k < saved.size(); k++) {
                saved.get(k).copyTo(group.get(k).parameter().getArray());
                saved.get(k).close();
            }
        }
    }

    private void check(double[] v) {
        if (v.length != size) throw new IllegalArgumentException("a direction over this group has " + size + " entries, got " + v.length);
    }
}
