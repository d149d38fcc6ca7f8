package org.spectraledge.kernel.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An {@link OutputSink} that keeps every display and update, for tests (thread-safe: training threads write to it). */
public final class RecordingSink implements OutputSink {

    /** One output message: {@code display} (a new output) or {@code update} of an existing one. */
    public record Event(String kind, String displayId, Object value) {}

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private int nextId;

    @Override
    public synchronized String display(Object value) {
        String id = "display-" + (++nextId);
        events.add(new Event("display", id, value));
        return id;
    }

    @Override
    public void update(String displayId, Object value) {
        events.add(new Event("update", displayId, value));
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events of one display id, in order. */
    public List<Event> of(String displayId) {
        return events().stream().filter(e -> e.displayId().equals(displayId)).toList();
    }
}
