// Evaluated once when the kernel starts, before the first cell. Keep it short: every line costs
// start-up time, and everything here is in scope in every notebook. The kernel refuses to start if
// a line fails, so only packages that exist belong here (tests evaluate this file).
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
// The notebook API (IJava's names): display(o), display(o, mimes...), render(o), updateDisplay(id, o),
// plus md("...") for text/markdown and latex("...") for text/latex.
import static org.spectraledge.kernel.runtime.Display.*;
// lastRun(): the TrainRun.Result of the latest %train. Progress.start(label, total) and LiveFigure.every(k): outputs
// that update in place while long work runs.
import static org.spectraledge.kernel.runtime.Runs.*;
import org.spectraledge.kernel.runtime.Progress;
import org.spectraledge.kernel.runtime.LiveFigure;
// The library: windows and spectra, parameter groups, training, runs, events, tables, figures, theory, evidence
// (precursor evaluation) and its statistics, datasets.
import org.spectraledge.spectral.*;
import org.spectraledge.capture.*;
import org.spectraledge.train.*;
import org.spectraledge.run.*;
import org.spectraledge.platform.*;
import org.spectraledge.events.*;
import org.spectraledge.table.*;
import org.spectraledge.plot.*;
import org.spectraledge.theory.*;
import org.spectraledge.evidence.*;
import org.spectraledge.intervention.*;
import org.spectraledge.stats.*;
import org.spectraledge.datasets.*;
