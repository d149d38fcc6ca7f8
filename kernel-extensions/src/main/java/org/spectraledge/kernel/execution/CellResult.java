package org.spectraledge.kernel.execution;

/**
 * What a cell evaluated to: the value of its last snippet if that snippet is an expression
 * ({@code x + 1}, {@code chart}), otherwise nothing ({@code int x = 1;}, {@code for (...) {...}}).
 *
 * @param hasValue whether the last snippet was an expression
 * @param value    the real object (may be {@code null}); {@code null} when {@code hasValue} is false
 */
public record CellResult(boolean hasValue, Object value) {
    public static final CellResult NONE = new CellResult(false, null);

    public CellResult {
        if (!hasValue && value != null) {
            throw new IllegalArgumentException("a result without a value cannot carry " + value);
        }
    }

    public static CellResult of(Object value) {
        return new CellResult(true, value);
    }
}
