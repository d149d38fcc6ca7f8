package org.spectraledge.intervention;

/**
 * The gap collapse at position j (framework §6): an update δ becomes
 * <pre>  δ' = δ − c·Σ_{i≤j} ⟨δ, v_i⟩ v_i,   c = 1 − σ_{j+1}/σ_j,</pre>
 * which scales the part of δ inside the dominant block span{v_1…v_j} by σ_{j+1}/σ_j and leaves the rest alone. A
 * window of such updates has σ'_i = σ_i·σ_{j+1}/σ_j for i ≤ j and σ'_i = σ_i after, so r'_j = 1 while every other ratio
 * r_i keeps its value (as long as the updates keep the directions and strengths of the window the v_i came from).
 */
public final class GapCollapseProjection {
    private final int position;
    private final double shrink;
    private final double[][] directions;

    /**
     * @param position   j, 1 ≤ j ≤ w−1
     * @param directions v_1…v_j (at least j rows, unit and mutually orthogonal, each of length P). Not modified.
     * @param sigma      σ_1 ≥ … ≥ σ_w of the window they came from (at least j+1). Not modified.
     */
    public GapCollapseProjection(int position, double[][] directions, double[] sigma) {
        if (position < 1 || position >= sigma.length) {
            throw new IllegalArgumentException("collapse position j must be in 1.." + (sigma.length - 1) + " for a window of "
                    + sigma.length + " updates, got " + position);
        }
        if (directions.length < position) {
            throw new IllegalArgumentException("collapsing position " + position + " needs v_1…v_" + position + ", got "
                    + directions.length + " directions");
        }
        if (!(sigma[position - 1] > 0)) {
            throw new IllegalArgumentException("σ_" + position + " is " + sigma[position - 1] + ": there is no gap to collapse");
        }
        this.position = position;
        this.shrink = 1 - sigma[position] / sigma[position - 1];
        this.directions = new double[position][];
        for (int i = 0; i < position; i++) this.directions[i] = directions[i].clone();
    }

    /** j. */
    public int position() { return position; }

    /** c = 1 − σ_{j+1}/σ_j: the fraction of the dominant block's part of each update that is removed. */
    public double shrink() { return shrink; }

    /** P, the length of an update. */
    public int dimension() { return directions[0].length; }

    /**
     * Replaces δ by δ'.
     *
     * @param delta an update of length P. Modified.
     */
    public void apply(double[] delta) {
        if (delta.length != dimension()) throw new IllegalArgumentException("an update of length " + delta.length + ", directions of " + dimension());
        double[] coefficients = new double[position];
        for (int i = 0; i < position; i++) {
            double dot = 0;
            for (int p = 0; p < delta.length; p++) dot += delta[p] * directions[i][p];
            coefficients[i] = shrink * dot;
        }
        for (int i = 0; i < position; i++) {
            double c = coefficients[i];
            double[] v = directions[i];
            for (int p = 0; p < delta.length; p++) delta[p] -= c * v[p];
        }
    }
}
