package org.spectraledge.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * jjava's cell streams for {@code System.in} and displays, with the attach/detach steps public to the kernel (jjava
 * keeps them package-private). Its {@code out} and {@code err} stay unused: they send one message per line, so cells
 * print into the kernel's {@code StreamPublisher} instead.
 */
final class KernelIO extends JupyterIO {

    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Sends what cells display, and their stdin prompts, to the request answered by {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
