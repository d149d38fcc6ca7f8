package org.spectraledge.stats;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a statistic that may not exist for the data at hand: either {@link Computed} with its value, or
 * {@link NotComputable} with the reason (N = 0 or 1 where at least two are needed, one class only, every value
 * equal). Every method of this package that can meet such data returns an {@code Estimate}, so that no caller ever
 * sees NaN in place of "undefined" (framework §7b).
 *
 * <pre>{@code
 * Estimate<WilsonInterval> s = WilsonInterval.of(3, 5);
 * System.out.println(s.describe(w -> w.toString()));   // the interval, or "not computable: <reason>"
 * }</pre>
 *
 * @param <T> the statistic's result type
 */
public sealed interface Estimate<T> permits Estimate.Computed, Estimate.NotComputable {

    /** A statistic that was computed. @param value the result, not null */
    record Computed<T>(T value) implements Estimate<T> {
        public Computed {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A statistic that does not exist for the data. @param reason what is missing, e.g. "N = 1, need at least 2" */
    record NotComputable<T>(String reason) implements Estimate<T> {
        public NotComputable {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) throw new IllegalArgumentException("a not-computable result needs a reason");
        }
    }

    /** A computed result. */
    static <T> Estimate<T> of(T value) {
        return new Computed<>(value);
    }

    /** A result that does not exist, with the reason. */
    static <T> Estimate<T> notComputable(String reason) {
        return new NotComputable<>(reason);
    }

    /** Whether the statistic was computed. */
    default boolean isComputed() {
        return this instanceof Computed;
    }

    /**
     * The computed value.
     *
     * @throws IllegalStateException naming the reason, if the statistic was not computable
     */
    default T value() {
        if (this instanceof Computed<T> c) return c.value();
        throw new IllegalStateException("not computable: " + ((NotComputable<T>) this).reason()
                + "; check isComputed() before asking for the value");
    }

    /** The reason it is not computable; empty text if it was computed. */
    default String reason() {
        return this instanceof NotComputable<T> n ? n.reason() : "";
    }

    /** The value transformed by {@code f}, or the same reason. */
    default <U> Estimate<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Computed<T> c) return new Computed<>(f.apply(c.value()));
        return new NotComputable<>(reason());
    }

    /** {@code format} applied to the value, or {@code "not computable: <reason>"}. */
    default String describe(Function<? super T, String> format) {
        return this instanceof Computed<T> c ? format.apply(c.value()) : "not computable: " + reason();
    }
}
