package org.spectraledge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectraledge.kernel.KernelMain;
import org.spectraledge.kernel.install.KernelInstaller;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The subcommands that serve Jupyter: {@code install-kernel} and {@code kernel}. */
final class KernelCommands {
    private KernelCommands() {}

    /** {@code spectral-edge install-kernel [--user | --prefix DIR] [--no-class-archive]}: writes the kernelspec; needs no Python. */
    @Command(name = "install-kernel", customSynopsis = "spectral-edge install-kernel [--user | --prefix DIR] [--no-class-archive]",
            description = {"install the Jupyter kernelspec 'spectral-edge' (no Python needed)",
                    "",
                    "Writes the kernelspec 'spectral-edge' (kernel.json launching this build's kernel)."})
    static final class Install implements Callable<Integer> {
        @Mixin private HelpOption help;

        /** Where the kernelspec goes: one of the two. */
        static final class Target {
            @Option(names = "--user", description = "into your Jupyter data directory (default; JUPYTER_DATA_DIR, else ~/.local/share/jupyter)")
            boolean user;

            @Option(names = "--prefix", paramLabel = "DIR", description = "into DIR/share/jupyter/kernels/spectral-edge, e.g. a virtual environment's prefix")
            Path prefix;
        }

        @ArgGroup(exclusive = true)
        private Target target;

        @Option(names = "--no-class-archive", description = "skip the class archive written next to kernel.json (it takes about ten"
                + " seconds once and a second off every kernel start; rerun install-kernel after a rebuild)")
        private boolean noClassArchive;

        @Override public Integer call() throws Exception {
            List<String> args = new ArrayList<>();
            if (target != null && target.prefix != null) args.addAll(List.of("--prefix", target.prefix.toString()));
            if (noClassArchive) args.add("--no-class-archive");
            KernelInstaller.main(args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code spectral-edge kernel CONNECTION_FILE}: what the kernelspec runs; Jupyter passes the connection file. */
    @Command(name = "kernel", customSynopsis = "spectral-edge kernel CONNECTION_FILE",
            description = {"run the Jupyter kernel on a connection file (Jupyter starts this)", "",
                    "Started by Jupyter through the installed kernelspec."})
    static final class Serve implements Callable<Integer> {
        @Mixin private HelpOption help;

        @Parameters(paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter writes")
        private String connectionFile;

        @Override public Integer call() throws Exception {
            KernelMain.main(new String[] {connectionFile});
            return 0;
        }
    }
}
