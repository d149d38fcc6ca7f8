package org.spectraledge.kernel.connection;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CountDownLatch;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.spectraledge.kernel.execution.HeapReserve;
import org.zeromq.ZMQ;

/**
 * jjava's connection with every socket on a ZeroMQ context of its own: shell and control are
 * {@link GuardedShellChannel}s, the heartbeat a {@link GuardedHeartbeat}, stdin and iopub jjava's channel types. The
 * context's I/O threads, like the shell, control and heartbeat threads, live through an {@link OutOfMemoryError}:
 * a cell that fills the heap fails, the kernel keeps answering ({@link HeapReserve}). jjava's own context and
 * sockets stay unbound.
 *
 * <p>Every socket binds to the transport, address and port the connection file names, nothing
 * else. A shutdown request does not close anything on the socket threads; it releases
 * {@link #awaitShutdownRequest()}, and the waiting thread calls {@link #close()}.
 */
public final class GuardedConnection extends JupyterConnection {

    private final KernelConnectionProperties props;
    /** The sockets' own context: jjava keeps its context private. */
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private final GuardedHeartbeat guardedHeartbeat;
    private final StdinChannel guardedStdin;
    private final IOPubChannel guardedIopub;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    public GuardedConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        context.setThreadFactor(GuardedConnection::survivingThread); // before the first socket starts the I/O thread
        this.guardedHeartbeat = new GuardedHeartbeat(context);
        this.guardedStdin = new StdinChannel(context, props.createHMACGenerator());
        this.guardedIopub = new IOPubChannel(context, props.createHMACGenerator());
        this.guardedShell = new GuardedShellChannel(context, props.createHMACGenerator(), false, this, shutdownRequested::countDown);
        this.guardedControl = new GuardedShellChannel(context, props.createHMACGenerator(), true, this, shutdownRequested::countDown);
    }

    /** A thread of ZeroMQ's that runs {@code task} again after an {@link OutOfMemoryError} instead of dying. */
    private static Thread survivingThread(Runnable task, String name) {
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    task.run();
                    return;
                } catch (OutOfMemoryError e) {
                    HeapReserve.release(); // the loop keeps its state in fields: running it again goes on where it was
                }
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void connect() {
        guardedHeartbeat.bind(props);
        guardedShell.bind(props);
        guardedControl.bind(props);
        guardedStdin.bind(props);
        guardedIopub.bind(props);
        guardedIopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public IOPubChannel getIOPub() {
        return guardedIopub;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new ShellReplyEnvironment(channel, guardedStdin, guardedIopub, context) {};
    }

    /** Blocks until a shutdown request has been answered. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    @Override
    public void close() {
        guardedShell.close();
        guardedControl.close();
        guardedHeartbeat.close();
        guardedStdin.close();
        guardedIopub.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
