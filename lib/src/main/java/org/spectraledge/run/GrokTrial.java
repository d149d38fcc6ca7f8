package org.spectraledge.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.spectraledge.events.EvalLog;
import org.spectraledge.events.GapEventDetector;
import org.spectraledge.events.GapEvents;
import org.spectraledge.events.GapSeries;
import org.spectraledge.spectral.WindowResult;

import org.spectraledge.train.TrainingListener;
/**
 * One grokking trial (framework §7): train one configuration with update capture, then find its memorization, grokking and
 * gap events and the lead time = grok step − gap-event step. One configuration in, one row out: the unit of the
 * per-operation table, the weight-decay table ("gap dynamics precede grokking in a/N runs") and the scorecard.
 * {@code table.GrokTrialTable} lays trials out as rows.
 *
 * <pre>{@code
 * GrokTrial t = GrokTrial.run(TrainConfig.of(Map.of("task", "sub", "p", "31")), dir.resolve("sub"));
 * t.events().precedesGrokking();   // an event with positive lead time
 * }</pre>
 *
 * @param config  the configuration trained
 * @param group   the captured parameter group the events were detected on
 * @param log     every evaluation of the run
 * @param windows the group's window results, labelled by optimizer step
 * @param events  memorization, grokking and gap events
 * @param seconds wall-clock seconds of training
 */
public record GrokTrial(TrainConfig config, String group, EvalLog log, List<WindowResult> windows, GapEvents events,
                        double seconds) {

    public GrokTrial {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(events, "events");
        windows = List.copyOf(windows);
        if (!config.groups().contains(group)) {
            throw new IllegalArgumentException("group '" + group + "' was not captured; the run captured " + config.groups());
        }
    }

    /** Trains {@code config} into the new run folder {@code out} and detects its events with the default detector on its first group. */
    public static GrokTrial run(TrainConfig config, Path out) {
        return run(config, out, GapEventDetector.builder().build(), List.of());
    }

    /**
     * Trains {@code config} into the new run folder {@code out} (see {@link TrainRun#start}) and detects the events of
     * its first captured group.
     *
     * @param detector the gap-event criteria and thresholds
     * @param extra    more listeners, e.g. a progress display
     */
    public static GrokTrial run(TrainConfig config, Path out, GapEventDetector detector, List<TrainingListener> extra) {
        return of(TrainRun.start(config, out, extra), config.groups().get(0), detector);
    }

    /** The trial of a finished run, on one of its captured groups. */
    public static GrokTrial of(TrainRun.Result result, String group, GapEventDetector detector) {
        List<WindowResult> windows = result.windows().get(group);
        if (windows == null) {
            throw new IllegalArgumentException("group '" + group + "' was not captured; the run captured " + result.windows().keySet());
        }
        if (result.outcome().evals().isEmpty()) {
            throw new IllegalArgumentException("the run has no evaluation (it stopped at step " + result.outcome().steps()
                    + "); events need at least one");
        }
        EvalLog log = new EvalLog(result.outcome().evals());
        return new GrokTrial(result.config(), group, log, windows, detector.detect(GapSeries.of(windows), log),
                result.outcome().seconds());
    }

    /** Whether the run grokked (test accuracy ≥ 0.95 at some evaluation). */
    public boolean grokked() {
        return events.grokked();
    }

    /** k* (headline rule) of the newest window at or before {@code step}; empty if no window is that early. */
    public OptionalInt kStarAt(long step) {
        OptionalInt k = OptionalInt.empty();
        for (WindowResult w : windows) {
            if (w.step() > step) break;
            k = OptionalInt.of(w.kStar());
        }
        return k;
    }

    /** k* at the grok step (the thesis: grokking runs have k* = 1); empty if the run did not grok. */
    public OptionalInt kStarAtGrok() {
        OptionalLong grok = events.grokStep();
        return grok.isPresent() ? kStarAt(grok.getAsLong()) : OptionalInt.empty();
    }
}
