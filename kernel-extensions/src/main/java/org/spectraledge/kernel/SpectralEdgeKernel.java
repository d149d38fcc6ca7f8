package org.spectraledge.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectraledge.kernel.execution.CellExecutionControl;
import org.spectraledge.kernel.execution.CodeAssistant;
import org.spectraledge.kernel.magics.Magics;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutcome;
import org.spectraledge.kernel.session.CellOutputs;
import org.spectraledge.kernel.session.CompilerWarmup;
import org.spectraledge.kernel.session.NotebookSession;
import org.spectraledge.kernel.stream.OutputThrottle;
import org.spectraledge.kernel.stream.StdStream;
import org.spectraledge.kernel.stream.StreamPublisher;

/**
 * The Jupyter kernel: the thin adapter between jjava's message handling ({@link BaseKernel}) and our
 * {@link NotebookSession} (JShell evaluation, magics, renderers) and completion ({@link CodeAssistant}).
 * Nothing outside this class and {@code connection} touches jjava's kernel API.
 */
public final class SpectralEdgeKernel extends BaseKernel {

    private static final Logger LOG = LoggerFactory.getLogger(SpectralEdgeKernel.class);

    private final KernelIO kernelIO;
    /** What cells print on System.out and System.err, sent in batches under the running cell's request. */
    private final StreamPublisher streams;
    /** The session as it starts on its own thread; {@link #session()} waits for it. */
    private final CompletableFuture<NotebookSession> starting;
    private final CompletableFuture<CodeAssistant> assistant;
    /** Compiles throwaway snippets while no cell runs, so that cells soon compile at full speed. */
    private final CompilerWarmup warmup;
    /** A running cell's displays, published on IOPub after what it printed so far. */
    private final CellOutputs iopub = new CellOutputs() {
        @Override
        public void display(DisplayData data) {
            flushStreams();
            kernelIO.display.display(data);
        }

        @Override
        public void updateDisplay(DisplayData data) {
            flushStreams();
            kernelIO.display.updateDisplay(data);
        }

        @Override
        public void clearOutput(boolean wait) {
            flushStreams();
            ShellReplyEnvironment env = cellEnv;
            if (env != null) {
                env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
            }
        }
    };
    private final CellHistory history = new CellHistory();
    /** The request of the running cell, for messages jjava's streams do not send ({@code clear_output}). */
    private volatile ShellReplyEnvironment cellEnv;

    private SpectralEdgeKernel(KernelIO io, CompletableFuture<NotebookSession> starting) {
        super("spectral-edge", version(),
                // the language level, not the JDK build (that is in the banner): notebooks store language_info, and a
                // value that changed with every JDK update would mark every committed notebook as changed on opening
                new LanguageInfo.Builder("java")
                        .version(String.valueOf(Runtime.version().feature()))
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                // jjava registers its common renderers on this one; ours is the session's (getRenderer)
                List.of(), null, io, new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().build());
        this.kernelIO = io;
        this.streams = new StreamPublisher(OutputThrottle.forJupyter(), StreamPublisher.DEFAULT_INTERVAL,
                StreamPublisher.DEFAULT_CAPACITY, StreamPublisher.printingTo(System.out, System.err));
        this.starting = starting;
        this.assistant = starting.thenApply(session -> new CodeAssistant(session.evaluator()));
        this.warmup = new CompilerWarmup(NotebookSession::startEvaluator, warmupSnippets());
        starting.thenRun(warmup::start);
    }

    private static int warmupSnippets() {
        try {
            return CompilerWarmup.snippetsFromEnvironment();
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; using {}", e.getMessage(), CompilerWarmup.DEFAULT_SNIPPETS);
            return CompilerWarmup.DEFAULT_SNIPPETS;
        }
    }

    /**
     * Starts the notebook session (JShell, startup imports, magics) that the kernel serves, on a thread of its own:
     * JShell's first compilations take seconds, and meanwhile the kernel binds its sockets and answers
     * {@code kernel_info}, so that a notebook's first cell waits only for what is really left.
     */
    public static SpectralEdgeKernel start() {
        CompletableFuture<NotebookSession> starting = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                starting.complete(NotebookSession.start());
            } catch (Throwable t) {
                LOG.error("The notebook session did not start", t);
                starting.completeExceptionally(t);
            }
        }, "session-start");
        thread.setDaemon(true);
        thread.start();
        return new SpectralEdgeKernel(new KernelIO(), starting);
    }

    /**
     * The started session, waiting for it if need be.
     *
     * @throws IllegalStateException with the reason if it could not start (e.g. the startup script failed)
     */
    private NotebookSession session() {
        return started(starting);
    }

    private CodeAssistant assistant() {
        return started(assistant);
    }

    private static <T> T started(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IllegalStateException ? (IllegalStateException) cause
                    : new IllegalStateException("the notebook session did not start: " + cause, cause);
        }
    }

    private static String version() {
        String v = SpectralEdgeKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String getBanner() {
        return "spectral-edge " + getVersion() + " (Java " + Runtime.version() + ", JShell)";
    }

    /** The session's renderers (ours and jjava's common ones). */
    @Override
    public Renderer getRenderer() {
        return session().renderer();
    }

    /**
     * Runs one cell: publishes its streams, its result ({@code execute_result}) or its error with a
     * traceback naming cell lines, and replies. Replaces jjava's version, which reports every error
     * under the name of the exception class the kernel happened to throw.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        NotebookSession session;
        try {
            session = session();
        } catch (IllegalStateException e) {
            env.setBusyDeferIdle();
            replyError(env, count, CellError.of(e));
            return;
        }
        session.beginCell();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        kernelIO.attach(env, request.isStdinEnabled());
        streams.attach(text -> env.publish(new PublishStream(
                text.stream() == StdStream.STDOUT ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text.text())));
        cellEnv = env;
        env.defer(() -> {
            cellEnv = null;
            streams.detach();
            kernelIO.detach(env);
        });
        CellOutcome outcome;
        warmup.pause();
        try {
            outcome = session.execute(request.getCode(), "In [" + count + "]", iopub);
        } finally {
            warmup.resume();
        }
        streams.endCell();
        if (request.shouldStoreHistory() && !request.isSilent()) {
            history.add(count, request.getCode(), outcome.result()
                    .map(value -> String.valueOf(value.getData(MIMEType.TEXT_PLAIN))).orElse(null));
        }
        if (outcome.failed()) {
            replyError(env, count, outcome.error());
            return;
        }
        if (!request.isSilent()) {
            outcome.result().ifPresent(value -> env.publish(new PublishExecuteResult(count, value)));
        }
        env.defer().reply(new ExecuteReply(count, Map.of()));
    }

    private void flushStreams() {
        streams.flush();
    }

    /**
     * Cells print into {@link #streams}; jjava's own streams would send one message per line. The streams in place
     * before the request come back when it is done.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        System.setOut(streams.stdout());
        System.setErr(streams.stderr());
        System.setIn(kernelIO.in);
        env.defer(() -> {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        });
    }

    private static void replyError(ShellReplyEnvironment env, int count, CellError error) {
        env.publish(new PublishError(error.name(), error.message(), error.traceback()));
        ErrorReply reply = new ErrorReply(error.name(), error.message(), error.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        // jjava's comm_info reply lacks the status field; same listing, with it
        connection.setHandler(MessageType.COMM_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            String target = message.getContent().getTargetName();
            Map<String, CommInfoReply.CommInfo> comms = new LinkedHashMap<>();
            for (Comm comm : commManager) {
                if (target == null || target.equals(comm.getTargetName())) {
                    comms.put(comm.getID(), new CommInfoReply.CommInfo(comm.getTargetName()));
                }
            }
            env.reply(new OkReplies.CommInfo(comms));
        });
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkReplies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** The cells run so far ({@link CellHistory}): tail, range and search. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkReplies.History(history.answer(message.getContent())));
    }

    /** Stops the running cell (within about 1.5 s), then replies. */
    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        interrupt();
        env.reply(new OkReplies.Interrupt());
    }

    @Override
    public Object evalRaw(String source) {
        // jjava calls this only from its own execute handler and BaseNotebookStatics, neither used here
        throw new UnsupportedOperationException("cells run through handleExecuteRequest");
    }

    @Override
    public void interrupt() {
        try {
            if (!starting.isDone()) {
                return; // no cell can run before the session has started
            }
            CellExecutionControl.InterruptOutcome outcome = session().interrupt();
            LOG.info("Interrupt request: {}", outcome);
            if (outcome == CellExecutionControl.InterruptOutcome.STILL_RUNNING) {
                streams.stderr().println("The cell ignored the interrupt and even Thread.stop(); restart the kernel to end it.");
                streams.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ReplacementOptions complete(String code, int cursorCodePoints) {
        cursorCodePoints = clamp(code, cursorCodePoints);
        int cursor = code.offsetByCodePoints(0, cursorCodePoints);
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String beforeCursor = code.substring(lineStart, cursor);
        if (beforeCursor.matches("%[A-Za-z]*")) { // a magic name
            List<String> names = session().magics().lineMagicNames().stream()
                    .filter(n -> n.startsWith(beforeCursor.substring(1))).collect(java.util.stream.Collectors.toList());
            return new ReplacementOptions(names, code.codePointCount(0, lineStart + 1), cursorCodePoints);
        }
        if (beforeCursor.matches("%[A-Za-z][\\w-]*\\s.*")) { // a line magic's arguments: task names, --options
            Magics.Completion c = session().magics().completeArguments(beforeCursor);
            return new ReplacementOptions(c.matches(), code.codePointCount(0, lineStart + c.wordStart()), cursorCodePoints);
        }
        CodeAssistant.Completion c = assistant().complete(code, cursor);
        return new ReplacementOptions(c.matches(), code.codePointCount(0, c.start()), code.codePointCount(0, c.end()));
    }

    @Override
    public DisplayData inspect(String code, int cursorCodePoints, boolean extraDetail) {
        Optional<String> doc = assistant().inspect(code, code.offsetByCodePoints(0, clamp(code, cursorCodePoints)), extraDetail);
        return doc.map(DisplayData::new).orElse(null);
    }

    /** A cursor position (in code points) within {@code code}: clients may send one past its end or below zero. */
    private static int clamp(String code, int cursorCodePoints) {
        return Math.max(0, Math.min(cursorCodePoints, code.codePointCount(0, code.length())));
    }

    @Override
    public String isComplete(String code) {
        CodeAssistant.Verdict verdict = assistant().isComplete(code);
        switch (verdict.status()) {
            case COMPLETE:
                return IS_COMPLETE_YES;
            case INVALID:
                return IS_COMPLETE_BAD;
            default:
                return verdict.indent();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        warmup.close();
        starting.thenAccept(NotebookSession::close);
        streams.close();
        super.onShutdown(isRestarting);
    }
}
