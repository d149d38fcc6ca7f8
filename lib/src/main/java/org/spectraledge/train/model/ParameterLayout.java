package org.spectraledge.train.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.spectraledge.capture.ParameterGroup;
/**
 * Where each named parameter tensor sits in a model's flattened snapshot θ: the tensors in order, each a contiguous
 * range. Names follow the project's convention ({@code embed}, {@code blocks.0.attn.W_Q}, {@code unembed}, …) so
 * that {@link ParameterGroup}s can select by name.
 *
 * @param entries the tensors in snapshot order; offsets are consecutive
 */
public record ParameterLayout(List<Entry> entries) {

    /**
     * One named tensor.
     *
     * @param name   its name
     * @param offset position of its first element in the snapshot
     * @param length number of elements
     */
    public record Entry(String name, int offset, int length) {
        public Entry {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a parameter needs a name");
            if (offset < 0 || length < 0) throw new IllegalArgumentException("parameter '" + name + "' has a negative offset or length");
        }
    }

    public ParameterLayout {
        entries = List.copyOf(entries);
        Set<String> seen = new HashSet<>();
        long expected = 0;
        for (Entry e : entries) {
            if (!seen.add(e.name())) throw new IllegalArgumentException("parameter name '" + e.name() + "' appears twice");
            if (e.offset() != expected) {
                throw new IllegalArgumentException("parameter '" + e.name() + "' starts at " + e.offset() + ", expected " + expected);
            }
            expected += e.length();
        }
        if (expected > Integer.MAX_VALUE) throw new IllegalArgumentException("a snapshot longer than 2^31−1 elements");
    }

    /** Total number of parameters P of the snapshot. */
    public int size() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).offset() + entries.get(entries.size() - 1).length();
    }

    /** A layout of one unnamed vector, called {@code theta}: what a NumPy file of a flat snapshot gives. */
    public static ParameterLayout flat(int length) {
        return builder().add("theta", length).build();
    }

    public static Builder builder() { return new Builder(); }

    /** Appends tensors in snapshot order. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private int next;

        public Builder add(String name, int length) {
            entries.add(new Entry(name, next, length));
            next += length;
            return this;
        }

        public ParameterLayout build() { return new ParameterLayout(entries); }
    }
}
