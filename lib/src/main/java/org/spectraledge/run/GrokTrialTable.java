package org.spectraledge.run;

import java.text.DecimalFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.spectraledge.events.GapEvents;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Grokking trials as a Tablesaw table, one row per run (framework §7), with the columns
 * {@code task, p, ω, seed, memorized, grokked, grok step, gap event, criterion, lead time, g₂₃ decline ×,
 * k* at grok, seconds}. Steps that did not happen (no grokking, no gap event) are missing values; the criterion
 * names the framework §7 criteria that fired at the gap event ({@code g23_decline}, {@code ratio_peak},
 * {@code adiabatic_crossing}).
 */
public final class GrokTrialTable {
    private GrokTrialTable() {}

    /**
     * @param name   the table's title
     * @param trials the runs, one row each, in order. Not modified.
     */
    public static Table of(String name, List<GrokTrial> trials) {
        StringColumn task = StringColumn.create("task");
        IntColumn p = IntColumn.create("p");
        DoubleColumn omega = DoubleColumn.create("ω");
        LongColumn seed = LongColumn.create("seed");
        LongColumn memorized = LongColumn.create("memorized");
        BooleanColumn grokked = BooleanColumn.create("grokked");
        LongColumn grok = LongColumn.create("grok step");
        LongColumn event = LongColumn.create("gap event");
        StringColumn criterion = StringColumn.create("criterion");
        LongColumn lead = LongColumn.create("lead time");
        DoubleColumn decline = DoubleColumn.create("g₂₃ decline ×");
        IntColumn kStar = IntColumn.create("k* at grok");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (GrokTrial t : trials) {
            GapEvents e = t.events();
            task.append(t.config().task().cliName());
            p.append(t.config().p());
            omega.append(t.config().wd());
            seed.append(t.config().seed());
            append(memorized, e.memorizationStep());
            grokked.append(t.grokked());
            append(grok, e.grokStep());
            append(event, e.eventStep());
            criterion.append(e.eventCriteria().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining("+")));
            append(lead, e.leadTime());
            OptionalDouble f = e.g23DeclineFactor();
            if (f.isPresent()) decline.append(f.getAsDouble()); else decline.appendMissing();
            OptionalInt k = t.kStarAtGrok();
            if (k.isPresent()) kStar.append(k.getAsInt()); else kStar.appendMissing();
            seconds.append(t.seconds());
        }
        // readable in a notebook; the values keep full precision
        decline.setPrintFormatter(new DecimalFormat("#,##0.0"), "");
        seconds.setPrintFormatter(new DecimalFormat("0.0"), "");
        return Table.create(name, task, p, omega, seed, memorized, grokked, grok, event, criterion, lead, decline, kStar, seconds);
    }

    private static void append(LongColumn column, OptionalLong value) {
        if (value.isPresent()) column.append(value.getAsLong()); else column.appendMissing();
    }
}
