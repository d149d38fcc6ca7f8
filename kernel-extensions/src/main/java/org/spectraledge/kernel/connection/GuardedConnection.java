package org.spectraledge.kernel.connection;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CountDownLatch;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava's connection with the shell and control sockets replaced by {@link GuardedShellChannel}s.
 * Heartbeat, stdin and iopub stay jjava's (heartbeat only echoes, stdin reads replies only while a
 * cell asks for input, iopub only sends).
 *
 * <p>Every socket binds to the transport, address and port the connection file names, nothing
 * else. A shutdown request does not close anything on the socket threads; it releases
 * {@link #awaitShutdownRequest()}, and the waiting thread calls {@link #close()}.
 */
public final class GuardedConnection extends JupyterConnection {

    private final KernelConnectionProperties props;
    /** The guarded sockets' own context: jjava keeps its context private. */
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    public GuardedConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        this.guardedShell = new GuardedShellChannel(context, props.createHMACGenerator(), false, this, shutdownRequested::countDown);
        this.guardedControl = new GuardedShellChannel(context, props.createHMACGenerator(), true, this, shutdownRequested::countDown);
    }

    @Override
    public void connect() {
        heartbeat.bind(props);
        guardedShell.bind(props);
        guardedControl.bind(props);
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /** Blocks until a shutdown request has been answered. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    @Override
    public void close() {
        guardedShell.close();
        guardedControl.close();
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
