package org.spectraledge.events;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.spectraledge.spectral.WindowResult;

/**
 * The per-window gap quantities that the gap events of framework §7 look at, one value per window.
 *
 * <p>A value of NaN means "undefined in this window" (for example a partial window at the start, or
 * 𝒜 when no learning rate was given); the detectors skip it and never let it propagate. Other values
 * must be ≥ 0; 𝒜 may also be +∞ (a zero gap).
 *
 * @param steps step of each window (its last snapshot), in the eval log's step units, strictly increasing
 * @param g23 sub-leading eigen-gap g₂₃ = λ₂ − λ₃ (framework §2)
 * @param gapRatio gap ratio R = r_{k*} (framework §2)
 * @param adiabatic adiabatic parameter 𝒜 (framework §5)
 */
public record GapSeries(long[] steps, double[] g23, double[] gapRatio, double[] adiabatic) {
    public GapSeries {
        Objects.requireNonNull(steps, "steps");
        steps = steps.clone();
        g23 = checked("g23", g23, steps, false);
        gapRatio = checked("gapRatio", gapRatio, steps, false);
        adiabatic = checked("adiabatic", adiabatic, steps, true);
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("window steps must strictly increase, but window " + i + " has step "
                        + steps[i] + " after step " + steps[i - 1] + "; pass the windows in step order");
            }
        }
    }

    private static double[] checked(String name, double[] values, long[] steps, boolean infinityAllowed) {
        Objects.requireNonNull(values, name);
        if (values.length != steps.length) {
            throw new IllegalArgumentException(name + " has " + values.length + " values but steps has " + steps.length
                    + "; every series needs exactly one value per window (NaN where undefined)");
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            boolean ok = Double.isNaN(v) || (v >= 0 && (infinityAllowed || v < Double.POSITIVE_INFINITY));
            if (!ok) {
                throw new IllegalArgumentException(name + " at window " + i + " (step " + steps[i] + ") is " + v
                        + "; values must be ≥ 0" + (infinityAllowed ? "" : " and finite") + ", or NaN where undefined");
            }
        }
        return values.clone();
    }

    /**
     * The series of a tracker's window results: g₂₃, R under each window's headline rule, and 𝒜 (NaN where no
     * learning rate was given). Window steps must already be in the eval log's units (e.g. optimizer steps).
     */
    public static GapSeries of(List<WindowResult> windows) {
        int n = windows.size();
        long[] steps = new long[n];
        double[] g23 = new double[n], ratio = new double[n], adiabatic = new double[n];
        for (int i = 0; i < n; i++) {
            WindowResult w = windows.get(i);
            steps[i] = w.step();
            g23[i] = w.gaps().g23();
            ratio[i] = w.gapRatio();
            adiabatic[i] = w.adiabatic().map(a -> a.value()).orElse(Double.NaN);
        }
        return new GapSeries(steps, g23, ratio, adiabatic);
    }

    /** Number of windows. */
    public int size() {
        return steps.length;
    }

    /** Window steps (a copy). */
    @Override
    public long[] steps() {
        return steps.clone();
    }

    /** g₂₃ per window (a copy). */
    @Override
    public double[] g23() {
        return g23.clone();
    }

    /** R per window (a copy). */
    @Override
    public double[] gapRatio() {
        return gapRatio.clone();
    }

    /** 𝒜 per window (a copy). */
    @Override
    public double[] adiabatic() {
        return adiabatic.clone();
    }

    /** Equal when every array has equal contents (records compare arrays by identity otherwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof GapSeries
                && Arrays.equals(steps, ((GapSeries) o).steps)
                && Arrays.equals(g23, ((GapSeries) o).g23)
                && Arrays.equals(gapRatio, ((GapSeries) o).gapRatio)
                && Arrays.equals(adiabatic, ((GapSeries) o).adiabatic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(steps), Arrays.hashCode(g23), Arrays.hashCode(gapRatio),
                Arrays.hashCode(adiabatic));
    }

    @Override
    public String toString() {
        return "GapSeries[" + steps.length + " windows" + (steps.length == 0 ? "" : ", steps " + steps[0] + ".."
                + steps[steps.length - 1]) + "]";
    }
}
