package org.spectraledge.kernel.install;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Installs the {@value KernelSpec#NAME} kernelspec without Python:
 * {@code install-kernel [--user | --prefix DIR] [--no-class-archive]}.
 *
 * <ul>
 *   <li>{@code --user} (the default): the user's Jupyter data directory, i.e.
 *       {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else
 *       {@code ~/.local/share/jupyter} (macOS {@code ~/Library/Jupyter}, Windows
 *       {@code %APPDATA%\jupyter}) — Jupyter's own rule;</li>
 *   <li>{@code --prefix DIR}: {@code DIR/share/jupyter}, e.g. a virtual environment or a test
 *       directory named in {@code JUPYTER_PATH}.</li>
 * </ul>
 * The spec runs the {@code spectral-edge.jar} this class was loaded from, with its {@code lib/}
 * directory, on the Java that runs the installer. Unless {@code --no-class-archive} is given, the installer also
 * writes the kernel's class-data archive next to {@code kernel.json} ({@link ClassArchive}, about ten seconds once, a
 * second off every kernel start); if that fails the kernel is installed without it and the reason is printed.
 */
public final class KernelInstaller {

    private static final String USAGE = "usage: install-kernel [--user | --prefix DIR] [--no-class-archive]";
    private static final String NO_ARCHIVE = "--no-class-archive";

    private KernelInstaller() {}

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean archive = !rest.remove(NO_ARCHIVE);
        args = rest.toArray(String[]::new);
        Path dataDir;
        try {
            dataDir = dataDirFromArgs(args, System.getenv(), System.getProperty("user.home"),
                    System.getProperty("os.name"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path jar = runningJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        KernelSpec spec = KernelSpec.forJar(java, jar, jar.resolveSibling("lib"));
        if (archive) {
            System.out.println("Writing the kernel's class archive for a faster start (about ten seconds)...");
            try {
                spec = spec.withClassArchive(ClassArchive.create(spec, Files.createDirectories(kernelDir(dataDir))));
            } catch (IOException e) {
                System.err.println("No class archive (the kernel works without it, it only starts slower): " + e.getMessage());
            }
        }
        Path dir = install(dataDir, spec);
        System.out.println("Installed the " + KernelSpec.NAME + " kernelspec in " + dir);
    }

    /**
     * Writes {@code kernel.json} into {@code dataDir/kernels/spectral-edge/}.
     *
     * @return the kernelspec directory
     */
    public static Path install(Path dataDir, KernelSpec spec) throws IOException {
        Path dir = Files.createDirectories(kernelDir(dataDir));
        Files.writeString(dir.resolve("kernel.json"), spec.toJson(), StandardCharsets.UTF_8);
        return dir;
    }

    /** Where the kernelspec goes in a Jupyter data directory. */
    private static Path kernelDir(Path dataDir) {
        return dataDir.resolve("kernels").resolve(KernelSpec.NAME);
    }

    /** The Jupyter data directory the arguments choose; see the class comment. */
    static Path dataDirFromArgs(String[] args, Map<String, String> env, String home, String osName) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("--user"))) {
            return userDataDir(env, home, osName);
        }
        if (args.length == 2 && args[0].equals("--prefix")) {
            return Path.of(args[1]).toAbsolutePath().resolve("share").resolve("jupyter");
        }
        throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", args));
    }

    /** Jupyter's per-user data directory (what {@code jupyter --data-dir} prints). */
    static Path userDataDir(Map<String, String> env, String home, String osName) {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : Path.of(home, "AppData", "Roaming", "jupyter");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isEmpty() ? Path.of(xdg, "jupyter") : Path.of(home, ".local", "share", "jupyter");
    }

    /**
     * The jar this class runs from.
     *
     * @throws IllegalStateException when running from a classes directory (e.g. an IDE)
     */
    static Path runningJar() {
        try {
            Path location = Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new IllegalStateException("the installer runs from " + location + ", not from a jar; "
                        + "build with ./mvnw package and run bin/spectral-edge install-kernel");
            }
            return location.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel jar", e);
        }
    }
}
