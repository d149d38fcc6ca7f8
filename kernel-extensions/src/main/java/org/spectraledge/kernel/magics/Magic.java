package org.spectraledge.kernel.magics;

import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;

/** What a magic does: a plain function of its call; its result may be shown like a cell's value. */
@FunctionalInterface
public interface Magic {
    CellResult run(MagicCall call) throws CellException;
}
