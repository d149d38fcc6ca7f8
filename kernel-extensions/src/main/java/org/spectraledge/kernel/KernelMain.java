package org.spectraledge.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectraledge.kernel.connection.GuardedConnection;

/**
 * Starts the kernel: {@code KernelMain CONNECTION_FILE}. Jupyter writes the connection file (ports,
 * address, HMAC key) and passes its path through the kernelspec's {@code {connection_file}}.
 *
 * <p>Order: start JShell and run the startup script on a thread of its own while binding
 * exactly the sockets the file names, serve until a shutdown request, close, exit. Requests that need JShell wait
 * for its start; a startup script that fails makes every cell an error that says why.
 */
public final class KernelMain {

    private static final Logger LOG = LoggerFactory.getLogger(KernelMain.class);

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE   (Jupyter passes it; see the kernelspec's {connection_file})");
            System.exit(2);
        }
        KernelConnectionProperties props = readConnectionFile(Path.of(args[0]));

        SpectralEdgeKernel kernel = SpectralEdgeKernel.start();
        GuardedConnection connection = new GuardedConnection(props);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        LOG.info("Kernel {} listening on {}://{} (shell port {})", kernel.getBanner(),
                props.getTransport(), props.getIp(), props.getShellPort());

        connection.awaitShutdownRequest();
        connection.close();
        // cells may have left non-daemon threads behind (training loops, executors): end them all
        System.exit(0);
    }

    /**
     * Reads and checks the connection file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static KernelConnectionProperties readConnectionFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("connection file " + file + " does not exist; "
                    + "start the kernel from Jupyter, which writes it");
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (props == null || props.getIp() == null || props.getTransport() == null) {
            throw new IllegalArgumentException("connection file " + file + " lacks 'ip' or 'transport'");
        }
        if (props.getKey() == null || props.getKey().isEmpty()) {
            LOG.warn("Connection file {} has no key: messages are not signed and anyone who can reach the ports can run code", file);
        } else if (!"hmac-sha256".equals(props.getSignatureScheme())) {
            throw new IllegalArgumentException("connection file " + file + " asks for signature scheme '"
                    + props.getSignatureScheme() + "'; this kernel supports hmac-sha256");
        }
        return props;
    }
}
