package org.spectraledge.kernel.connection;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectraledge.kernel.execution.HeapReserve;
import org.zeromq.ZMQ;

/**
 * The shell or control socket, serving requests on its own thread like jjava's {@link ShellChannel}
 * but surviving bad input.
 *
 * <p>Why not jjava's channel: its read throws a {@code SecurityException} on a message whose HMAC
 * signature does not match, and nothing catches it, so one badly signed message ends the shell
 * thread and the kernel goes deaf. Here such a message is dropped and logged (without the key or
 * the message) and the loop goes on. The loop also blocks in {@code poll} instead of sleeping 50 ms
 * between polls, which keeps round trips short.
 */
public final class GuardedShellChannel extends ShellChannel {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedShellChannel.class);

    /** How often the loop looks at its stop flag while idle. */
    private static final int POLL_MILLIS = 100;

    private final String name;
    private final boolean isControl;
    private final JupyterConnection connection;
    private final Runnable onShutdownRequest;
    private volatile boolean running;
    private Thread loop;

    /**
     * @param onShutdownRequest run (on this channel's thread) after a shutdown request was answered;
     *                          the connection is then closed by whoever waits for that
     */
    public GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl,
                               JupyterConnection connection, Runnable onShutdownRequest) {
        super(context, hmac, isControl, connection);
        this.name = isControl ? "control" : "shell";
        this.isControl = isControl;
        this.connection = connection;
        this.onShutdownRequest = onShutdownRequest;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException("the " + name + " channel is already bound");
        }
        String address = formatAddress(props.getTransport(), props.getIp(),
                isControl ? props.getControlPort() : props.getShellPort());
        bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> serve(poller), "jupyter-" + name);
        loop.start();
    }

    private void serve(ZMQ.Poller poller) {
        try {
            while (running) {
                try {
                    if (poller.poll(POLL_MILLIS) > 0) {
                        handleOne();
                    }
                } catch (OutOfMemoryError e) { // a cell filled the heap: this thread must live on (see HeapReserve)
                    HeapReserve.release();
                }
            }
        } finally {
            poller.close();
            super.close();
        }
    }

    /** Reads one message and runs its handler; nothing thrown here may end the loop. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleOne() {
        Message<?> message;
        try {
            message = readMessage();
        } catch (SecurityException e) {
            LOG.warn("Dropped a message on the {} channel: its HMAC signature does not match the connection key", name);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Dropped an unreadable message on the {} channel ({})", name, e.getClass().getSimpleName());
            return;
        }
        if (message == null) {
            return; // socket closed
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warn("No handler for {} on the {} channel", message.getHeader().getType().getName(), name);
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (OutOfMemoryError e) {
            HeapReserve.release(); // first: logging and the replies below need room
            LOG.warn("Handling {} failed", message.getHeader().getType().getName(), e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Handling {} failed", message.getHeader().getType().getName(), e);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                LOG.warn("Could not send the deferred replies to {}", message.getHeader().getType().getName(), e);
            }
        }
        if (env.isMarkedForShutdown()) {
            onShutdownRequest.run();
        }
    }

    /** Stops the loop; the loop thread closes the socket. Waits for it unless called from it. */
    @Override
    public void close() {
        running = false;
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2 * POLL_MILLIS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void waitUntilClose() {
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
