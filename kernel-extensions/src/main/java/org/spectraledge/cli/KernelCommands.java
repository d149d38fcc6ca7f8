package org.spectraledge.cli;

import java.io.PrintStream;
import java.util.List;
import org.spectraledge.kernel.KernelMain;
import org.spectraledge.kernel.install.KernelInstaller;

import org.spectraledge.options.UsageException;
/** The subcommands that serve Jupyter: {@code install-kernel} and {@code kernel}. */
final class KernelCommands {
    private KernelCommands() {}

    /** {@code spectral-edge install-kernel [--user | --prefix DIR] [--no-class-archive]}: writes the kernelspec; needs no Python. */
    static final class Install implements Command {
        @Override public String name() { return "install-kernel"; }
        @Override public String summary() { return "install the Jupyter kernelspec 'spectral-edge' (no Python needed)"; }
        @Override public String usage() {
            return String.join("\n",
                    "usage: spectral-edge install-kernel [--user | --prefix DIR] [--no-class-archive]",
                    "",
                    "Writes the kernelspec 'spectral-edge' (kernel.json launching this build's kernel):",
                    "  --user        into your Jupyter data directory (default; JUPYTER_DATA_DIR, else ~/.local/share/jupyter)",
                    "  --prefix DIR  into DIR/share/jupyter/kernels/spectral-edge, e.g. a virtual environment's prefix",
                    "  --no-class-archive  skip the class archive written next to kernel.json (it takes about ten",
                    "                seconds once and a second off every kernel start; rerun install-kernel after a rebuild)");
        }
        @Override public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            KernelInstaller.main(args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code spectral-edge kernel CONNECTION_FILE}: what the kernelspec runs; Jupyter passes the connection file. */
    static final class Serve implements Command {
        @Override public String name() { return "kernel"; }
        @Override public String summary() { return "run the Jupyter kernel on a connection file (Jupyter starts this)"; }
        @Override public String usage() {
            return "usage: spectral-edge kernel CONNECTION_FILE\n\nStarted by Jupyter through the installed kernelspec.";
        }
        @Override public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            if (args.size() != 1) throw new UsageException("expected exactly one CONNECTION_FILE, got " + args.size() + " arguments");
            KernelMain.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
