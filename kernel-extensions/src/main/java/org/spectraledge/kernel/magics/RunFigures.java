package org.spectraledge.kernel.magics;

import java.awt.image.BufferedImage;
import java.util.List;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.EvalRecord;
import org.spectraledge.kernel.display.FigureGrid;
import org.spectraledge.plot.GapFigures;
import org.spectraledge.plot.RunSeries;
import org.spectraledge.plot.SpectrumFigures;
import org.spectraledge.plot.TrainingFigures;

/** The figures of a run that the domain magics show: the live view of {@code %train} and the {@code %spectral} dashboard. */
final class RunFigures {

    /** The leading modes drawn in σ_j(t) and rotation-angle panels. */
    static final int MODES = 5;

    private RunFigures() {}

    /** During training: σ_j(t) beside accuracy and loss. */
    static BufferedImage live(RunSeries run, List<EvalRecord> evals) {
        return FigureGrid.of(2, List.of(sigma(run), accuracy(evals)));
    }

    /**
     * The dashboard: σ_j(t); k*(t) and R(t) against validation loss; g₂₃(t); 𝒜(t) over its regime bands; accuracy
     * and loss with the memorization and grok steps; rotation angles of the leading directions.
     */
    static BufferedImage dashboard(RunSeries run, List<EvalRecord> evals) {
        return FigureGrid.of(2, List.of(
                sigma(run),
                new FigureGrid.Panel("k*(t), R(t) and validation loss", () -> GapFigures.gapAndValidationLoss(run, log(evals))),
                new FigureGrid.Panel("g₂₃(t)", () -> GapFigures.g23(run, log(evals))),
                new FigureGrid.Panel("𝒜(t)", () -> GapFigures.adiabatic(run)),
                accuracy(evals),
                new FigureGrid.Panel("rotation angles", () -> SpectrumFigures.rotationAngles(run, MODES))));
    }

    private static FigureGrid.Panel sigma(RunSeries run) {
        return new FigureGrid.Panel("σ_j(t)", () -> SpectrumFigures.sigmaTrajectories(run, MODES));
    }

    private static FigureGrid.Panel accuracy(List<EvalRecord> evals) {
        return new FigureGrid.Panel("accuracy and loss", () -> TrainingFigures.accuracyAndLoss(log(evals)));
    }

    private static EvalLog log(List<EvalRecord> evals) {
        if (evals.isEmpty()) throw new IllegalArgumentException("no evaluation yet (the first comes after --eval-every steps)");
        return new EvalLog(evals);
    }
}
