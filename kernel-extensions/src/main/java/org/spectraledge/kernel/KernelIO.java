package org.spectraledge.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * jjava's cell streams ({@code System.out}, {@code System.err}, {@code System.in}, display), with
 * the attach/detach steps public to the kernel (jjava keeps them package-private).
 */
final class KernelIO extends JupyterIO {

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Sends what cells print and display to the request answered by {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
