package org.spectraledge.kernel.session;

import java.util.Optional;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * How a cell ended: with a rendered value ({@code execute_result}), with no value, or with an error.
 *
 * @param value the rendered value of the cell's last expression; {@code null} if it had none
 * @param error the failure; {@code null} if the cell succeeded
 */
public record CellOutcome(DisplayData value, CellError error) {
    public CellOutcome {
        if (value != null && error != null) {
            throw new IllegalArgumentException("a failed cell has no value");
        }
    }

    public static CellOutcome ok(DisplayData valueOrNull) {
        return new CellOutcome(valueOrNull, null);
    }

    public static CellOutcome failed(CellError error) {
        return new CellOutcome(null, error);
    }

    public boolean failed() {
        return error != null;
    }

    public Optional<DisplayData> result() {
        return Optional.ofNullable(value);
    }
}
