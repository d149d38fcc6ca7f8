package org.spectraledge.spectral;

import java.util.Optional;

/**
 * Turns the state of a {@link GramWindow} into a {@link WindowResult} after every push (framework §1–5).
 *
 * <p>It remembers the previous window's spectrum, which the stability quantities compare against, so it must see
 * every push of its window, in order. Cost per call: one w×w symmetric eigen-decomposition plus O(w²) work —
 * independent of P.
 */
public final class SpectralAnalyzer {
    private final AnalysisConfig config;
    private final long parameters;
    private Spectrum previous = Spectrum.of(new double[0][0]);
    private long seen;

    /**
     * @param config     analysis settings
     * @param parameters P, the number of parameters in each update (for the random-matrix baselines)
     */
    public SpectralAnalyzer(AnalysisConfig config, long parameters) {
        if (parameters < 1) throw new IllegalArgumentException("P must be ≥ 1, got " + parameters);
        this.config = config;
        this.parameters = parameters;
    }

    /**
     * An analyzer that continues a window restored from a checkpoint, as if it had seen every push so far.
     */
    public static SpectralAnalyzer resuming(AnalysisConfig config, long parameters, GramWindow window) {
        SpectralAnalyzer a = new SpectralAnalyzer(config, parameters);
        a.seen = window.count();
        a.previous = Spectrum.of(window.gram());
        return a;
    }

    /**
     * Analyzes the window as it stands after its latest push.
     *
     * @return the window's result, or empty while it holds fewer than 2 updates (no gap exists yet)
     * @throws IllegalStateException if a push was skipped since the last call
     */
    public Optional<WindowResult> analyze(GramWindow window) {
        if (window.count() != seen + 1) {
            throw new IllegalStateException("the analyzer must see every push in order: it last saw update " + seen
                    + " but the window now holds update " + window.count());
        }
        seen = window.count();
        double[][] gram = window.gram();
        Spectrum spectrum = Spectrum.of(gram);
        Spectrum before = previous;
        previous = spectrum;
        int w = spectrum.size();
        if (w < 2) return Optional.empty();

        Gaps gaps = Gaps.of(spectrum, config.epsilon(), config.floorTau());
        Stability stability = StabilityOps.compute(before, spectrum, gram, window.crossGramWithPrevious(),
                window.newestNormSquared(), window.departedNormSquared(), window.newestDotDeparted());
        Optional<Adiabatic> adiabatic = Optional.empty();
        if (config.learningRate().isPresent()) {
            adiabatic = Optional.of(Adiabatic.of(stability.deltaExact(), config.learningRate().getAsDouble(),
                    gaps.by(config.headline()).gap(), config.plateauBelow(), config.forgettingAbove()));
        }
        return Optional.of(new WindowResult(window.newestStep(), w, window.isPartial(), parameters, spectrum, gaps,
                config.headline(), pc1(spectrum), k95(spectrum), drift(gram), stability,
                RandomMatrixBaseline.of(spectrum, parameters), adiabatic));
    }

    /** λ_1 / Σλ, 0 when Σλ = 0. */
    static double pc1(Spectrum s) {
        double total = s.energy();
        return total > 0 ? s.lambda(1) / total : 0;
    }

    /** Fewest leading modes whose eigenvalues sum to ≥ 95 % of Σλ; 0 when Σλ = 0. */
    static int k95(Spectrum s) {
        double total = s.energy();
        if (total <= 0) return 0;
        double acc = 0;
        for (int j = 1; j <= s.size(); j++) {
            acc += s.lambda(j);
            if (acc >= 0.95 * total) return j;
        }
        return s.size();
    }

    /** ‖(1/w)Σ_i δ_i‖ = √(1ᵀG1)/w. */
    static double drift(double[][] gram) {
        double sum = 0;
        for (double[] row : gram) for (double v : row) sum += v;
        return Math.sqrt(Math.max(0, sum)) / gram.length;
    }
}
