package org.spectraledge.options;

import java.nio.file.Path;
import org.spectraledge.events.GapEventDetector;
import org.spectraledge.evidence.PrecursorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments of {@code spectral-edge evidence} and of the {@code %evidence} magic (a picocli mixin of both): a sweep
 * or evidence folder and the precursor's settings (framework §7b). Every setting is stated in the report it produces.
 */
@Command(footer = {"Positive runs grok within their budget, negative runs do not. A true alarm is a gap event in a positive"
        + " run with lead time in (0, H]; a false alarm an event in a negative run or one more than H steps before"
        + " grokking. Scores are read at a cutoff, grok step − H for positives and the positives' cutoffs for"
        + " negatives, from windows at or before it only (framework §7b)."})
public final class EvidenceOptions {

    /** The default horizon H, in optimizer steps: the thesis' longest reported lead time, 1,700 steps, rounded up. */
    public static final long DEFAULT_HORIZON = 2000;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "a sweep folder or evidence folder (results.csv and runs/)")
    private Path folder;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "" + DEFAULT_HORIZON,
            description = "horizon H in optimizer steps: a true alarm comes at most H steps before grokking (default ${DEFAULT-VALUE})")
    private long horizon;

    @Option(names = "--settle", paramLabel = "S", defaultValue = "" + GapEventDetector.DEFAULT_SETTLE_WINDOWS,
            description = "the detector's search start: S windows after memorization (default ${DEFAULT-VALUE})")
    private int settle;

    @Option(names = "--decline", paramLabel = "F", defaultValue = "" + GapEventDetector.DEFAULT_DECLINE_FACTOR,
            description = "decline factor of criteria (a) and (b) (default ${DEFAULT-VALUE})")
    private double decline;

    @Option(names = "--adiabatic", paramLabel = "θ", defaultValue = "" + GapEventDetector.DEFAULT_ADIABATIC_THRESHOLD,
            description = "threshold on 𝒜 of criterion (c) (default ${DEFAULT-VALUE})")
    private double adiabatic;

    @Option(names = "--smoothing", paramLabel = "W", defaultValue = "" + GapEventDetector.DEFAULT_SMOOTHING,
            description = "odd moving-median width over windows (default ${DEFAULT-VALUE}: none)")
    private int smoothing;

    @Option(names = "--group", paramLabel = "G", description = "the captured parameter group to read (needed when runs have several)")
    private String group;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "" + PrecursorSettings.MIN_RESAMPLES,
            description = "bootstrap resamples, at least 2000 (default ${DEFAULT-VALUE})")
    private int resamples;

    @Option(names = "--csv", paramLabel = "OUT", description = "also write the tables as CSV files into the new folder OUT")
    private Path csv;

    /**
     * The folder to evaluate.
     *
     * @throws UsageException if none was given
     */
    public Path folder() {
        if (folder == null) throw new UsageException("DIR (a sweep or evidence folder) is missing");
        return folder;
    }

    /** Where to write the CSV tables, if asked. */
    public java.util.Optional<Path> csv() {
        return java.util.Optional.ofNullable(csv);
    }

    /**
     * The settings.
     *
     * @throws UsageException naming the setting that is out of range
     */
    public PrecursorSettings settings() {
        try {
            PrecursorSettings.Builder b = PrecursorSettings.builder().setHorizon(horizon).setSettleWindows(settle)
                    .optDeclineFactor(decline).optAdiabaticThreshold(adiabatic).optSmoothing(smoothing).optSeed(seed)
                    .optResamples(resamples);
            if (group != null) b.optGroup(group);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
