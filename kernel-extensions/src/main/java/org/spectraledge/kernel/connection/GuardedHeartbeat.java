package org.spectraledge.kernel.connection;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.spectraledge.kernel.execution.HeapReserve;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The heartbeat socket: echoes every message on a thread of its own, as jjava's heartbeat does, but lives through an
 * {@link OutOfMemoryError} (a cell that fills the heap must not make Jupyter think the kernel died; see
 * {@link HeapReserve}).
 */
final class GuardedHeartbeat {

    /** How often the loop looks at its stop flag while idle. */
    private static final int POLL_MILLIS = 100;

    private final ZMQ.Context context;
    private final ZMQ.Socket socket;
    private volatile boolean running;
    private Thread loop;

    GuardedHeartbeat(ZMQ.Context context) {
        this.context = context;
        this.socket = context.socket(SocketType.REP);
    }

    void bind(KernelConnectionProperties props) {
        socket.bind(props.getTransport() + "://" + props.getIp() + ":" + props.getHbPort());
        ZMQ.Poller poller = context.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> echo(poller), "jupyter-heartbeat");
        loop.setDaemon(true);
        loop.start();
    }

    private void echo(ZMQ.Poller poller) {
        try {
            while (running) {
                try {
                    if (poller.poll(POLL_MILLIS) > 0) {
                        byte[] frame;
                        while ((frame = socket.recv(ZMQ.DONTWAIT)) != null) {
                            socket.send(frame, socket.hasReceiveMore() ? ZMQ.SNDMORE : 0);
                        }
                    }
                } catch (OutOfMemoryError e) {
                    HeapReserve.release(); // and echo on
                }
            }
        } finally {
            poller.close();
            socket.close();
        }
    }

    /** Stops the loop, which closes the socket. */
    void close() {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(2 * POLL_MILLIS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
