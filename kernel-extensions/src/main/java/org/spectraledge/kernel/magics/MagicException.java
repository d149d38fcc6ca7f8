package org.spectraledge.kernel.magics;

import java.util.List;
import org.spectraledge.kernel.execution.CellException;

/** A magic is unknown or was used wrongly; the message says how to use it. */
public final class MagicException extends CellException {
    private static final long serialVersionUID = 1L;

    public MagicException(MagicCall call, String message) {
        super("MagicError", message, List.of(call.label() + ", line " + call.line() + ": " + message));
    }
}
