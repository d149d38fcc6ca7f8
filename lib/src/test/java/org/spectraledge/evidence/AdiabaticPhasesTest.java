package org.spectraledge.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.spectraledge.evidence.AdiabaticPhases.Phase;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.events.GapSeries;
import org.spectraledge.spectral.AdiabaticRegime;
import org.spectraledge.stats.Bootstrap;

/** Phases by hand on runs whose 𝒜 per window is known: run medians, regime counts and the AUC of each pair follow. */
class AdiabaticPhasesTest {

    @Test
    void phasesFollowMemorizationAndGrokSteps() {
        OptionalLong m = OptionalLong.of(100), g = OptionalLong.of(500), none = OptionalLong.empty();
        assertEquals(Phase.MEMORIZATION, AdiabaticPhases.phaseOf(100, m, g, 100));
        assertEquals(Phase.PLATEAU, AdiabaticPhases.phaseOf(101, m, g, 100));
        assertEquals(Phase.PLATEAU, AdiabaticPhases.phaseOf(400, m, g, 100));
        assertEquals(Phase.TRANSITION, AdiabaticPhases.phaseOf(401, m, g, 100));
        assertEquals(Phase.TRANSITION, AdiabaticPhases.phaseOf(500, m, g, 100));
        assertEquals(Phase.GROKKED, AdiabaticPhases.phaseOf(501, m, g, 100));
        assertEquals(Phase.PLATEAU, AdiabaticPhases.phaseOf(5000, m, none, 100), "a run that never groks stays on its plateau");
        assertEquals(Phase.MEMORIZATION, AdiabaticPhases.phaseOf(5000, none, none, 100));
    }

    @Test
    void runMediansRegimesAndSeparationsFromKnownValues() {
        // windows at steps 100..700; memorized at 100 (train accuracy 1 from the eval at 100)
        List<SweepRun> runs = List.of(
                run("a", OptionalLong.of(500), new double[] {5, 0.01, 0.03, 0.02, 1, 0.5, 0.4}),
                run("b", OptionalLong.of(500), new double[] {20, 0.04, 0.06, 0.05, 2, 0.3, 0.2}),
                run("c", OptionalLong.empty(), new double[] {8, 0.02, 0.02, 0.3, 0.2, 0.1, 0.05}));
        AdiabaticPhases.Result r = AdiabaticPhases.of(runs, 100, Bootstrap.withSeed(1), 0.1, 10);
        assertEquals(List.of(Phase.MEMORIZATION, Phase.PLATEAU, Phase.TRANSITION, Phase.GROKKED),
                r.phases().stream().map(AdiabaticPhases.PhaseValues::phase).toList());
        assertArrayEquals(new double[] {5, 20, 8}, r.values(Phase.MEMORIZATION).runMedians(), 0);
        // plateau: a 0.01, 0.03, 0.02 → 0.02; b → 0.05; c (never grokked) 0.02, 0.02, 0.3, 0.2, 0.1, 0.05 → 0.075
        assertArrayEquals(new double[] {0.02, 0.05, 0.075}, r.values(Phase.PLATEAU).runMedians(), 1e-12);
        assertArrayEquals(new double[] {1, 2}, r.values(Phase.TRANSITION).runMedians(), 0);
        assertArrayEquals(new double[] {0.45, 0.25}, r.values(Phase.GROKKED).runMedians(), 1e-12);
        assertEquals(3, r.values(Phase.MEMORIZATION).windows());
        // the fixed thresholds: memorization has 20 > 10 (forgetting) and 5, 8 in between
        assertEquals(1, r.values(Phase.MEMORIZATION).regimes().get(AdiabaticRegime.FORGETTING));
        assertEquals(2, r.values(Phase.MEMORIZATION).regimes().get(AdiabaticRegime.TRANSITION));
        assertEquals(12, r.values(Phase.PLATEAU).windows());
        assertEquals(9, r.values(Phase.PLATEAU).regimes().get(AdiabaticRegime.PLATEAU), "plateau windows under 0.1: all but c's 0.3, 0.2, 0.1");

        assertEquals(0.0, separation(r, Phase.MEMORIZATION, Phase.PLATEAU), 0, "every plateau median is below every memorization one");
        assertEquals(1.0, separation(r, Phase.PLATEAU, Phase.TRANSITION), 0);
        assertEquals(0.0, separation(r, Phase.TRANSITION, Phase.GROKKED), 0);
        // plateau {0.02, 0.05, 0.075} vs grokked {0.45, 0.25}: every grokked above every plateau
        assertEquals(1.0, separation(r, Phase.PLATEAU, Phase.GROKKED), 0);
        assertEquals(6, r.pairs().size());
        assertEquals(6, r.table().rowCount());
        assertFalse(AdiabaticPhases.describe(r.values(Phase.PLATEAU)).isEmpty());
    }

    private static double separation(AdiabaticPhases.Result r, Phase earlier, Phase later) {
        return r.pairs().stream().filter(s -> s.earlier() == earlier && s.later() == later).findFirst().orElseThrow().auc().value().value();
    }

    private static SweepRun run(String id, OptionalLong grok, double[] adiabatic) {
        long[] steps = new long[adiabatic.length];
        for (int i = 0; i < steps.length; i++) steps[i] = 100L * (i + 1);
        List<EvalRecord> evals = new ArrayList<>();
        for (long s : steps) evals.add(new EvalRecord(s, 0.01, 1.0, 1.0, grok.isPresent() && s >= grok.getAsLong() ? 1.0 : 0.1));
        double[] zeros = new double[steps.length];
        return new SweepRun(id, Path.of(id), grok, new EvalLog(evals), new GapSeries(steps, zeros, zeros, adiabatic));
    }
}
