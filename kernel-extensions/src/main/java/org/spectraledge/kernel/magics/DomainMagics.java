package org.spectraledge.kernel.magics;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.runtime.OutputSink;

/**
 * The magics of the spectral-edge research workflow: {@code %train} ({@link TrainMagic}), {@code %sweep} ({@link SweepMagic}), {@code %evidence} ({@link EvidenceMagic}), {@code %spectral}
 * ({@link SpectralMagic}) and {@code %dataset} ({@link DatasetMagic}), each with argument completion.
 */
public final class DomainMagics {

    private DomainMagics() {}

    /**
     * Registers the domain magics on {@code magics}.
     *
     * @param sink    where {@code %train} shows its progress bar and live figure
     * @param runsDir where {@code %train} without {@code --out} puts its run folders
     */
    public static Magics register(Magics magics, CellEvaluator evaluator, OutputSink sink, Path runsDir) {
        TrainMagic train = new TrainMagic(evaluator, sink, runsDir, LocalDateTime::now);
        SpectralMagic spectral = new SpectralMagic(evaluator);
        SweepMagic sweep = new SweepMagic(evaluator, sink);
        EvidenceMagic evidence = new EvidenceMagic(evaluator);
        return magics
                .line("train", TrainMagic.USAGE, "train with update capture, progress and a live figure; value: the run",
                        train::run, TrainMagic::complete)
                .line("sweep", SweepMagic.USAGE, "many runs from a sweep file, with a live table; value: the results table",
                        sweep::run, SweepMagic::complete)
                .line("evidence", EvidenceMagic.USAGE, "the gap event judged as a precursor over a sweep; value: the evaluation",
                        evidence::run, EvidenceMagic::complete)
                .line("spectral", SpectralMagic.USAGE, "dashboard of a run: σ_j, k*, R, g₂₃, 𝒜, accuracy",
                        spectral::run, SpectralMagic::complete)
                .line("dataset", DatasetMagic.USAGE, "preview a task's examples as a table",
                        DatasetMagic::run, DatasetMagic::complete);
    }
}
