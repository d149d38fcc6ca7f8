package org.spectraledge.kernel.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.common.Url;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.slf4j.LoggerFactory;
import org.spectraledge.kernel.display.RenderException;
import org.spectraledge.kernel.display.Markdown;
import org.spectraledge.kernel.display.Renderers;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellExecutionControl;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.HeapReserve;
import org.spectraledge.kernel.execution.NotebookClassPath;
import org.spectraledge.kernel.magics.CellRunner;
import org.spectraledge.kernel.magics.DomainMagics;
import org.spectraledge.kernel.magics.GeneralMagics;
import org.spectraledge.kernel.runtime.Display;
import org.spectraledge.kernel.runtime.Notebook;
import org.spectraledge.kernel.runtime.OutputSink;
import org.spectraledge.kernel.magics.Magics;
import org.spectraledge.kernel.magics.SessionMagics;

/**
 * One notebook session: JShell with the startup imports, the magics and the renderers. It turns a
 * cell's source into its outcome, and it is all three hosts have in common: the Jupyter kernel
 * ({@code SpectralEdgeKernel}), the headless notebook runner and the script runner each call
 * {@link #execute} and only decide where the outputs go.
 *
 * <p>The notebook API ({@code display(o)}, {@code updateDisplay(id, o)}, ...) reaches the session
 * through {@link Notebook#current()}: the session that runs (or last ran) a cell in this JVM.
 */
public final class NotebookSession implements Notebook, AutoCloseable {

    /** The imports and helpers every session starts with; see the file for the list. */
    public static final String STARTUP_SCRIPT = "startup.jsh";
    private static final String STARTUP_RESOURCE = "/org/spectraledge/kernel/" + STARTUP_SCRIPT;

    /**
     * Kernel types cells use (the notebook API of {@value #STARTUP_SCRIPT} and what its methods take and return):
     * their packages stay visible to cells, while the rest of the kernel and its own libraries are hidden.
     */
    static final List<Class<?>> NOTEBOOK_API_TYPES = List.of(Display.class, Markdown.class, DisplayData.class, MIMEType.class);

    private final Renderer renderer;
    private final CellEvaluator evaluator;
    private final Magics magics;
    private final CellRunner runner;
    /** Where the running cell's displays go. */
    private volatile CellOutputs outputs = CellOutputs.NONE;

    private NotebookSession(Renderer renderer, CellEvaluator evaluator) {
        this.renderer = renderer;
        this.evaluator = evaluator;
        // domain magics (%train, %spectral, %dataset) write runs under ./runs unless told otherwise
        this.magics = DomainMagics.register(GeneralMagics.register(new Magics(), evaluator), evaluator,
                OutputSink.notebook(), Path.of("runs"));
        this.runner = new CellRunner(evaluator, magics);
        SessionMagics.register(magics, evaluator, runner);
    }

    /**
     * Starts JShell on the notebook API's class path (see {@link NotebookClassPath}) and runs {@value #STARTUP_SCRIPT}.
     *
     * @throws IllegalStateException if the startup script does not evaluate cleanly
     */
    public static NotebookSession start() {
        // SLF4J's simple binding reads simplelogger.properties (warnings only, DJL's CUDA probe silenced) through the
        // thread's context class loader, on first use. Cells run with a loader that hides the kernel's resources, so
        // SLF4J must start here: started first inside a cell, it would log DJL's INFO lines under that cell.
        LoggerFactory.getILoggerFactory();
        Renderer renderer = new Renderer();
        Renderers.registerAll(renderer);
        // what jjava's BaseKernel registers in the kernel: BufferedImage as PNG, URLs, CharSequence
        Image.registerAll(renderer);
        Url.registerAll(renderer);
        Text.registerAll(renderer);
        NotebookSession session = new NotebookSession(renderer, startEvaluator());
        Notebook.setCurrent(session);
        return session;
    }

    /**
     * A JShell as cells see it: the notebook API's class path and {@value #STARTUP_SCRIPT} evaluated. Each session
     * has one; the kernel's {@link CompilerWarmup} has one of its own.
     *
     * @throws IllegalStateException if the startup script does not evaluate cleanly
     */
    public static CellEvaluator startEvaluator() {
        CellEvaluator evaluator = CellEvaluator.start(NotebookClassPath.forKernel(NOTEBOOK_API_TYPES));
        try {
            evaluator.beginCell();
            evaluator.eval(readStartupScript(), STARTUP_SCRIPT);
            return evaluator;
        } catch (CellException e) {
            evaluator.close();
            throw new IllegalStateException(STARTUP_SCRIPT + " failed; fix the import list in "
                    + "kernel-extensions/src/main/resources" + STARTUP_RESOURCE + ":\n"
                    + String.join("\n", e.traceback()), e);
        }
    }

    static String readStartupScript() {
        try (InputStream in = NotebookSession.class.getResourceAsStream(STARTUP_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STARTUP_RESOURCE + " is missing from the kernel jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + STARTUP_SCRIPT, e);
        }
    }

    /**
     * Starts a new cell: forgets earlier interrupts. Call before announcing the cell, so that an
     * interrupt sent as soon as the cell is seen to start still cancels it.
     */
    public void beginCell() {
        evaluator.beginCell();
    }

    /**
     * Runs one cell (Java and magics) after {@link #beginCell()}: what it displays goes to
     * {@code cellOutputs} while it runs, and its value comes back rendered.
     *
     * @param label how errors name the cell, e.g. {@code In [4]} or {@code analysis.jsh}
     */
    public CellOutcome execute(String code, String label, CellOutputs cellOutputs) {
        Notebook.setCurrent(this);
        outputs = cellOutputs;
        try {
            CellResult result = runner.run(code, label);
            return CellOutcome.ok(result.hasValue() && result.value() != null ? render(result.value()) : null);
        } catch (CellException e) {
            return CellOutcome.failed(CellError.of(e));
        } catch (RuntimeException e) { // a renderer or a magic failed, not the cell's code
            return CellOutcome.failed(CellError.of(e));
        } catch (OutOfMemoryError e) { // compiling or rendering found the heap full (the cell's own run reports its own)
            HeapReserve.release();
            String why = String.valueOf(HeapReserve.advised(e).getMessage());
            return CellOutcome.failed(new CellError("OutOfMemoryError", why, List.of("java.lang.OutOfMemoryError: " + why)));
        } finally {
            outputs = CellOutputs.NONE;
        }
    }

    /**
     * Renders {@code value} with its preferred MIME types, or as {@code mimeTypes} when given (always
     * with {@code text/plain}).
     *
     * @throws RenderException naming the value's type when a renderer fails
     */
    @Override
    public DisplayData render(Object value, String... mimeTypes) {
        try {
            return mimeTypes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimeTypes);
        } catch (RuntimeException e) {
            throw new RenderException(value, e);
        }
    }

    /** Shows {@code data} under the running cell (dropped when no cell runs). */
    @Override
    public void display(DisplayData data) {
        outputs.display(data);
    }

    /** Replaces the output shown under {@code data}'s display id. */
    @Override
    public void updateDisplay(DisplayData data) {
        if (!data.hasDisplayId()) {
            throw new IllegalArgumentException("updateDisplay needs the display id that display(...) returned");
        }
        outputs.updateDisplay(data);
    }

    /** Clears what the running cell has shown so far (see {@link CellOutputs#clearOutput}). */
    @Override
    public void clearOutput(boolean wait) {
        outputs.clearOutput(wait);
    }

    /** Stops the running cell (see {@link CellExecutionControl#interrupt()}); safe from any thread. */
    public CellExecutionControl.InterruptOutcome interrupt() throws InterruptedException {
        return evaluator.interrupt();
    }

    public CellEvaluator evaluator() {
        return evaluator;
    }

    public Magics magics() {
        return magics;
    }

    public Renderer renderer() {
        return renderer;
    }

    @Override
    public void close() {
        evaluator.close();
        Notebook.clearCurrent(this);
    }
}
