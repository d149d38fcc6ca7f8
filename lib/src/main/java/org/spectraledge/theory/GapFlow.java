package org.spectraledge.theory;

/**
 * The gap flow of framework §6 (thesis Thm 14.2) for g = d_{k*} − d_{k*+1} under a {@link SignalFlow}. With
 * d̄ = (d_{k*} + d_{k*+1})/2 and h̄ = (h_{k*} + h_{k*+1})/2:
 * <pre>
 *   ġ = −η(h_{k*} − h_{k*+1})·d̄          curvature asymmetry
 *       − η(h̄ + ω)·g                      damping
 *       + η·W·(|G_{k*}|²/d_{k*} − |G_{k*+1}|²/d_{k*+1})   gradient driving
 * </pre>
 * This is exactly ḋ_{k*} − ḋ_{k*+1} (expand: the d̄ and g terms recombine into −η(h_{k*} + ω)d_{k*}
 * + η(h_{k*+1} + ω)d_{k*+1}). Freezing the g-independent part c = asymmetry + driving, ġ = c − η(h̄ + ω)g has the
 * fixed point g* = c / (η(h̄ + ω)), stable with rate η(h̄ + ω) when h̄ + ω &gt; 0. At the steady state of the
 * modes g* equals d_{k*}^ss − d_{k*+1}^ss.
 *
 * <p>The frozen-drive rate η(h̄ + ω) is not the rate at which a real trajectory relaxes: the driving term also
 * responds to d (∂/∂d of ηW G²/d is −η(h + ω) at the steady state), so near equilibrium each mode, and with
 * equal curvatures the gap too, relaxes at 2η(h + ω) ({@link SignalFlow#relaxationRates}). The empirical fit
 * ({@link GapFlowFit}) measures that full rate.
 */
public final class GapFlow {
    private final SignalFlow flow;
    private final int k;

    /**
     * @param flow  the per-mode flow
     * @param kStar gap position k*, 1-based, 1 ≤ k* &lt; number of modes
     */
    public GapFlow(SignalFlow flow, int kStar) {
        if (kStar < 1 || kStar >= flow.modes()) {
            throw new IllegalArgumentException("k* = " + kStar + " needs modes k* and k*+1, but the flow has " + flow.modes());
        }
        this.flow = flow;
        this.k = kStar;
    }

    /** k*. */
    public int kStar() { return k; }

    /**
     * The three terms of ġ at a state of the modes (their sum is ġ).
     *
     * @param curvatureAsymmetry −η(h_{k*} − h_{k*+1})·d̄
     * @param damping            −η(h̄ + ω)·g
     * @param driving            η·W·(|G_{k*}|²/d_{k*} − |G_{k*+1}|²/d_{k*+1})
     */
    public record Terms(double curvatureAsymmetry, double damping, double driving) {
        /** ġ. */
        public double total() { return curvatureAsymmetry + damping + driving; }

        /** c, the g-independent part: asymmetry + driving. */
        public double drive() { return curvatureAsymmetry + driving; }
    }

    /**
     * The terms at strengths d.
     *
     * @param d one strength per mode of the flow, d_{k*}, d_{k*+1} &gt; 0. Not modified.
     */
    public Terms terms(double[] d) {
        if (d.length != flow.modes()) throw new IllegalArgumentException(d.length + " strengths for " + flow.modes() + " modes");
        double eta = flow.learningRate();
        double da = d[k - 1], db = d[k];
        double ha = flow.curvature(k), hb = flow.curvature(k + 1);
        double ga = flow.gradient(k), gb = flow.gradient(k + 1);
        double dMean = (da + db) / 2, hMean = (ha + hb) / 2;
        return new Terms(-eta * (ha - hb) * dMean,
                -eta * (hMean + flow.weightDecay()) * (da - db),
                eta * flow.window() * (ga * ga / da - gb * gb / db));
    }

    /** ġ at strengths d (framework §6). */
    public double rate(double[] d) { return terms(d).total(); }

    /** Damping rate η(h̄ + ω) of the frozen-drive gap equation; the fixed point is stable iff it is &gt; 0. */
    public double dampingRate() {
        return flow.learningRate() * ((flow.curvature(k) + flow.curvature(k + 1)) / 2 + flow.weightDecay());
    }

    /** True when η(h̄ + ω) &gt; 0, so g relaxes to g* rather than running away from it. */
    public boolean isStable() { return dampingRate() > 0; }

    /** g* = c / (η(h̄ + ω)) with c evaluated at strengths d. */
    public double fixedPoint(double[] d) {
        double rate = dampingRate();
        if (rate == 0) throw new IllegalStateException("h̄ + ω = 0: the frozen gap equation has no damping and no fixed point");
        return terms(d).drive() / rate;
    }

    /** d_{k*}^ss − d_{k*+1}^ss, the gap at the modes' steady state. */
    public double steadyGap() {
        double[] ss = flow.steadyState();
        return ss[k - 1] - ss[k];
    }
}
