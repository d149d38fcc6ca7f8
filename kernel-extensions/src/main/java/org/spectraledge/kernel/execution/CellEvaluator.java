package org.spectraledge.kernel.execution;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates notebook cells with JShell inside this JVM.
 *
 * <p>A cell is cut into snippets ({@link CellSplitter}) that run one after another; the first
 * compile error or exception ends the cell. The result is the real object of the last snippet if it
 * is an expression (JShell's {@code $N} variable for it is dropped: see {@code evalSnippet}). Errors come back as {@link CellException}s whose tracebacks name cell lines:
 * every snippet remembers the cell and line it came from, and JShell's stack frames
 * ({@code #12:3} = snippet 12, line 3) are translated with that.
 *
 * <p>Class path: cells compile against and load from the notebook API only (the library, its dependencies and the
 * few kernel packages the startup script imports), never the libraries the kernel uses itself (jjava, ZeroMQ, Maven
 * Resolver, ...; {@link NotebookClassPath}), so {@code org.zeromq.ZMQ} in a cell is a compile error. Jars and
 * directories added with {@link #addToClasspath} ({@code %classpath}, {@code %maven}) are child-first for the classes
 * they contain: the notebook's version of a class wins over an API or kernel-private one of the same name (the
 * library itself keeps its own, so such objects do not pass between the two), except that JDK classes and the
 * kernel's display types always come from the kernel; a jar identical to one the kernel has is not loaded twice.
 */
public final class CellEvaluator implements AutoCloseable {

    /** Where a snippet came from: a cell label such as {@code In [4]} and its place in the cell. */
    private record Origin(String label, CellSnippet snippet) {}

    private final JShell shell;
    private final CellExecutionControl control;
    private final NotebookClassPath classPath;
    private final CellSplitter splitter;
    private final SnippetClassFiles classFiles;
    private final ClassIndexing indexing;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    private CellEvaluator(JShell shell, CellExecutionControl control, NotebookClassPath classPath) {
        this.shell = shell;
        this.control = control;
        this.classPath = classPath;
        this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
        this.classFiles = SnippetClassFiles.of(shell);
        this.indexing = ClassIndexing.of(shell.sourceCodeAnalysis());
    }

    /**
     * Starts JShell in this JVM.
     *
     * @param classPath what cells see of this JVM's class path ({@link NotebookClassPath#forKernel} in the
     *                  kernel); jars added later go into it too
     */
    public static CellEvaluator start(NotebookClassPath classPath) {
        CellExecutionControl control = new CellExecutionControl(new CellLoaderDelegate(classPath));
        JShell shell = JShell.builder()
                .fileManager(javac -> new CellFileManager(javac, classPath))
                .executionEngine(new ExecutionControlProvider() {
                    @Override
                    public String name() {
                        return "spectral-edge-in-process";
                    }

                    @Override
                    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                        return control;
                    }
                }, Map.of())
                .build();
        return new CellEvaluator(shell, control, classPath);
    }

    /** The JShell instance, for completion and inspection ({@link CodeAssistant}). */
    public JShell shell() {
        return shell;
    }

    /** The splitter bound to this evaluator's JShell. */
    public CellSplitter splitter() {
        return splitter;
    }

    /**
     * Starts a new cell: forgets interrupts that arrived before it. Call before announcing the cell
     * (Jupyter's busy status), so that an interrupt sent after seeing the cell start cancels it even
     * while it is still being compiled.
     */
    public void beginCell() {
        control.clearInterrupt();
    }

    /**
     * Evaluates {@code cell}. An interrupt since {@link #beginCell()} stops it, or cancels the snippets
     * that have not started.
     *
     * @param label how errors name the cell, e.g. {@code In [4]}
     * @return the last snippet's value if it is an expression, else {@link CellResult#NONE}
     * @throws CellException the first compile error or exception in the cell
     */
    public CellResult eval(String cell, String label) throws CellException {
        return eval(cell, label, 1);
    }

    /**
     * Evaluates {@code code}, a part of a cell that starts on line {@code firstLine} (the lines of a
     * cell between its magics), so that errors still name the cell's own lines.
     */
    public CellResult eval(String code, String label, int firstLine) throws CellException {
        indexing.pause(); // JShell's indexing of the class path waits for the time between cells
        control.nameCell(label);
        try {
            CellResult last = CellResult.NONE;
            for (CellSnippet snippet : splitter.split(code, firstLine)) {
                if (control.isInterruptPending()) { // arrived between two snippets
                    throw interrupted(CellInterruptedException.class.getName(),
                            "Interrupted: the cell stopped before " + label + ", line " + snippet.firstLine() + "; the lines above it ran.");
                }
                try {
                    last = evalSnippet(snippet, label);
                } catch (UserCodeException e) {
                    if (control.isInterruptPending()) throw interrupted(e, label, snippet.firstLine());
                    throw e;
                }
            }
            return last;
        } finally {
            indexing.resume();
        }
    }

    /**
     * Stops the running cell, if any (see {@link CellExecutionControl#interrupt()}). The interrupted
     * {@link #eval} call then throws a {@link UserCodeException} (or returns, if the cell handled the
     * interrupt itself).
     */
    public CellExecutionControl.InterruptOutcome interrupt() throws InterruptedException {
        return control.interrupt();
    }

    /**
     * Runs {@code task} on a cell thread, so that {@link #interrupt()} reaches it as it would reach a cell's code
     * (see {@link CellExecutionControl#runAsCell}).
     */
    public <T> T runAsCell(Callable<T> task) throws Exception {
        return control.runAsCell(task);
    }

    @Override
    public void close() {
        shell.close();
    }

    /**
     * Adds jars or class directories ({@link File#pathSeparator}-separated) for cells to compile against and load
     * from. Their classes win over the kernel's (see the class comment).
     */
    public void addToClasspath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classPath.add(Path.of(entry)); // before JShell hands the path to the compiler and the loader
            }
        }
        shell.addToClasspath(path);
    }

    /** The threads cells have started ({@code %threads}). */
    public CellThreads threads() {
        return control.threads();
    }

    /**
     * What an interrupted cell shows: one line saying where it stopped and what may be incomplete, never the stack
     * of the machinery that stopped it; and, if threads it started still run, a line naming them.
     */
    private UserCodeException interrupted(UserCodeException e, String label, int snippetLine) {
        Matcher at = Pattern.compile(Pattern.quote(label) + ", line \\d+")
                .matcher(String.join("\n", e.traceback()));
        String where = at.find() ? " at " + at.group() : "";
        if (e.getMessage().startsWith(CellExecutionControl.BEFORE_IT_RAN)) {
            return interrupted(e.exceptionClassName(),
                    "Interrupted: the cell stopped before " + label + ", line " + snippetLine + "; the lines above it ran.");
        }
        String how = e.exceptionClassName().equals(CellInterruptedException.class.getName())
                ? " after it ignored the interrupt for " + CellExecutionControl.INTERRUPT_GRACE_MILLIS / 1000 + " s, so its thread was stopped"
                : " (" + e.errorName() + ")";
        return interrupted(e.exceptionClassName(),
                "Interrupted: the cell stopped" + where + how + "; a value it was computing or assigning there may be incomplete.");
    }

    private UserCodeException interrupted(String className, String message) {
        List<String> traceback = new ArrayList<>(List.of(message));
        List<CellThreads.Started> running = control.threadsStartedByCell();
        if (!running.isEmpty()) {
            traceback.add("Still running, started by this cell: "
                    + running.stream().map(CellThreads.Started::describe).collect(Collectors.joining(", "))
                    + ". Stop them with %threads stop, or restart the kernel.");
        }
        return new UserCodeException(className, message, traceback);
    }

    /** For tests in this package. */
    CellExecutionControl control() {
        return control;
    }

    /** For tests in this package. */
    SnippetClassFiles classFiles() {
        return classFiles;
    }

    private CellResult evalSnippet(CellSnippet snippet, String label) throws CellException {
        try {
            Optional<String> declaration = ValueExpressions.asDeclaration(snippet.source());
            if (declaration.isPresent()) {
                Optional<CellResult> value = evalSource(declaration.get(), snippet, label, true);
                if (value.isPresent()) {
                    return value.get();
                }
            }
            return evalSource(snippet.source(), snippet, label, false).orElseThrow();
        } finally {
            control.clearValues();
            // the compiler lists every class file JShell ever wrote on each compile: keep only the importable ones
            classFiles.keepOnly(shell.snippets().filter(this::canBeImported));
        }
    }

    /**
     * Evaluates {@code source}: the snippet as written, or ({@code rewritten}) a value expression declared as a variable
     * ({@link ValueExpressions}).
     *
     * @return the snippet's value, or {@link CellResult#NONE}; empty only if a rewritten snippet does not compile, in
     *     which case nothing ran and the snippet is to be evaluated as written (so that its errors read as usual)
     */
    private Optional<CellResult> evalSource(String source, CellSnippet snippet, String label, boolean rewritten)
            throws CellException {
        List<Snippet> valueVariables = new ArrayList<>();
        try {
            CellResult result = CellResult.NONE;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet was re-validated; it is not this cell's code
                }
                Snippet s = event.snippet();
                if (event.status() == Snippet.Status.REJECTED) {
                    if (rewritten) {
                        return Optional.empty();
                    }
                    origins.put(s.id(), new Origin(label, snippet));
                    throw compilationError(s, snippet, label);
                }
                origins.put(s.id(), new Origin(label, snippet));
                if (rewritten || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    valueVariables.add(s);
                }
                if (event.exception() != null) {
                    throw userError(event.exception());
                }
                if ((rewritten || isExpression(s)) && event.value() != null) {
                    result = CellResult.of(control.takeValue(event.value()));
                }
            }
            return Optional.of(result);
        } finally {
            // JShell keeps every expression's value as a variable $N (and a rewritten one in ours) and imports all of
            // them into each later snippet, so kept, they would make compiling a cell slower with every value shown
            // (figures: docs/benchmarks.md#cell-compile-time).
            // The cell's value is already taken, so the variable is not kept: cells cannot refer to $N.
            for (Snippet v : valueVariables) {
                if (shell.status(v).isActive()) {
                    shell.drop(v);
                }
            }
        }
    }

    /**
     * Whether a later snippet may still import what {@code s} declares: false for statements and expressions (they
     * declare nothing) and for declarations that were replaced, dropped or rejected (JShell never revives those).
     */
    private boolean canBeImported(Snippet s) {
        return s.kind().isPersistent() && shell.status(s).isActive();
    }

    private static boolean isExpression(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CompilationException compilationError(Snippet s, CellSnippet snippet, String label) {
        List<Diag> errors = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return new CompilationException("JShell rejected the code",
                    List.of(label + ", line " + snippet.firstLine() + ": JShell rejected the code", "    " + firstLine(snippet.source())));
        }
        List<String> traceback = new ArrayList<>();
        for (Diag d : errors) {
            int start = (int) Math.max(0, d.getStartPosition());
            int end = (int) Math.max(start + 1, d.getEndPosition());
            String[] message = d.getMessage(Locale.ROOT).split("\n");
            traceback.add(label + ", line " + snippet.cellLineOf(start) + ": " + message[0]);
            for (int i = 1; i < message.length; i++) {
                if (!message[i].strip().equals("location: class")) { // JShell's wrapper class has no name
                    traceback.add("    " + message[i]);
                }
            }
            String source = snippet.source();
            int lineStart = source.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = source.indexOf('\n', start);
            if (lineEnd < 0) {
                lineEnd = source.length();
            }
            traceback.add("    " + source.substring(lineStart, lineEnd));
            traceback.add("    " + " ".repeat(start - lineStart) + "^".repeat(Math.max(1, Math.min(end, lineEnd) - start)));
        }
        return new CompilationException(firstLine(errors.get(0).getMessage(Locale.ROOT)), traceback);
    }

    private UserCodeException userError(JShellException e) {
        String className;
        String message;
        if (e instanceof EvalException) {
            className = ((EvalException) e).getExceptionClassName();
            message = e.getMessage();
        } else if (e instanceof UnresolvedReferenceException) {
            Snippet missing = ((UnresolvedReferenceException) e).getSnippet();
            className = UnresolvedReferenceException.class.getName();
            message = "this uses code that cannot run until "
                    + String.join(", ", shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) missing).collect(Collectors.toList()))
                    + " is declared";
        } else {
            className = e.getClass().getName();
            message = e.getMessage();
        }
        message = message == null ? "" : message;
        List<String> traceback = new ArrayList<>();
        traceback.add(className + (message.isEmpty() ? "" : ": " + message));
        appendFrames(e, traceback);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String causeName = cause instanceof EvalException ? ((EvalException) cause).getExceptionClassName() : cause.getClass().getName();
            traceback.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(cause, traceback);
        }
        return new UserCodeException(className, message, traceback);
    }

    /**
     * Stack frames, with JShell's {@code #id:line} locations turned into cell lines and a recursion's repetitions folded
     * ({@link RepeatedFrames}).
     */
    private void appendFrames(Throwable t, List<String> traceback) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : t.getStackTrace()) {
            String file = frame.getFileName();
            if (file == null || !file.startsWith("#")) {
                frames.add("    at " + frame);
                continue;
            }
            Origin origin = origins.get(file.substring(1));
            String where = origin == null
                    ? "snippet " + file + ", line " + frame.getLineNumber()
                    : origin.label() + ", line " + (origin.snippet().firstLine() + frame.getLineNumber() - 1);
            String method = frame.getMethodName();
            String owner = frame.getClassName();
            String name = method.isEmpty() ? "" : (owner.isEmpty() ? "" : owner + ".") + method;
            frames.add("    at " + (name.isEmpty() ? where : name + " (" + where + ")"));
        }
        traceback.addAll(RepeatedFrames.fold(frames));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
