package org.spectraledge.evidence;

/**
 * What the detector's gap event (the earliest criterion, at most one per run) means for a run, with H the horizon and
 * lead time = grok step − event step (framework §7b).
 */
public enum AlarmKind {
    /** Positive run, lead time in (0, H]. */
    TRUE_ALARM("true alarm"),
    /** Positive run, lead time &gt; H: a false alarm, and (no true alarm) a miss. */
    EARLY_ALARM("early alarm"),
    /** Positive run, event at or after grokking (lead time ≤ 0): a miss. */
    LATE_EVENT("late event"),
    /** Positive run without an event: a miss. */
    NO_EVENT("no event"),
    /** Negative run with an event: a false alarm. */
    FALSE_ALARM("false alarm"),
    /** Negative run without an event. */
    QUIET("quiet");

    private final String label;

    AlarmKind(String label) {
        this.label = label;
    }

    /** Whether this is a false alarm (an early alarm in a positive run or any event in a negative run). */
    public boolean isFalseAlarm() {
        return this == EARLY_ALARM || this == FALSE_ALARM;
    }

    /** Whether a positive run ended without a true alarm. */
    public boolean isMiss() {
        return this == EARLY_ALARM || this == LATE_EVENT || this == NO_EVENT;
    }

    /** Readable form, e.g. "true alarm". */
    public String label() {
        return label;
    }
}
