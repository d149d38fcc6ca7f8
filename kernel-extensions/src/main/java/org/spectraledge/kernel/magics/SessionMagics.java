package org.spectraledge.kernel.magics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.maven.ArtifactResolver;
import org.spectraledge.kernel.maven.MavenSettings;

/**
 * The magics that work on the session itself, each a plain method: {@code %load FILE.jsh} (run a
 * script's code here), {@code %help NAME} (a magic's usage or a class's Javadoc summary) and
 * {@code %maven GROUP:ARTIFACT:VERSION} (resolve from the local repository and Maven Central, then add
 * the jars as {@code %classpath} does).
 */
public final class SessionMagics {

    static final String LOAD_USAGE = "%load FILE.jsh";
    static final String HELP_USAGE = "%help NAME   (a magic such as %time, or a class such as String)";
    static final String MAVEN_USAGE = "%maven GROUP:ARTIFACT:VERSION ...";

    private final CellEvaluator evaluator;
    private final CellRunner runner;
    private final Magics magics;
    /** Scripts being loaded right now, so that a script loading itself is an error, not a stack overflow. */
    private final Set<Path> loading = new HashSet<>();

    private SessionMagics(CellEvaluator evaluator, CellRunner runner, Magics magics) {
        this.evaluator = evaluator;
        this.runner = runner;
        this.magics = magics;
    }

    /** Registers {@code %load}, {@code %help} and {@code %maven} on {@code magics}. */
    public static Magics register(Magics magics, CellEvaluator evaluator, CellRunner runner) {
        SessionMagics session = new SessionMagics(evaluator, runner, magics);
        return magics
                .line("load", LOAD_USAGE, "run a JShell script's code (and magics) in this session", session::load)
                .line("help", HELP_USAGE, "show a magic's usage or a class's Javadoc summary", session::help)
                .line("maven", MAVEN_USAGE, "resolve artifacts with their dependencies and add them to the class path", session::maven);
    }

    /** Runs the file like a cell labelled with its name, so errors read {@code setup.jsh, line 3}. */
    CellResult load(MagicCall call) throws CellException {
        if (call.args().isEmpty() || call.args().split("\\s+").length != 1) {
            throw new MagicException(call, "%load takes one file; usage: " + LOAD_USAGE);
        }
        Path file = Path.of(call.args()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new MagicException(call, file + " is not a file; usage: " + LOAD_USAGE);
        }
        if (!loading.add(file)) {
            throw new MagicException(call, file.getFileName() + " loads itself (through %load); remove the loop");
        }
        try {
            return runner.run(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new MagicException(call, "cannot read " + file + ": " + e.getMessage());
        } finally {
            loading.remove(file);
        }
    }

    CellResult help(MagicCall call) throws CellException {
        String name = call.args();
        if (name.isEmpty() || name.contains(" ")) {
            throw new MagicException(call, "%help takes one name; usage: " + HELP_USAGE);
        }
        Optional<Magics.Entry> magic = name.startsWith("%%") ? magics.cellMagic(name.substring(2))
                : magics.lineMagic(name.startsWith("%") ? name.substring(1) : name);
        if (magic.isPresent()) {
            return CellResult.of("usage: " + magic.get().usage() + "\n" + magic.get().summary());
        }
        List<SourceCodeAnalysis.Documentation> docs = evaluator.shell().sourceCodeAnalysis()
                .documentation(name, name.length(), true);
        if (docs.isEmpty()) {
            throw new MagicException(call, "no magic, class or method named '" + name + "' (use a simple name the cell's "
                    + "imports know, or a fully qualified one); %lsmagic lists the magics");
        }
        return CellResult.of(docs.stream().map(SessionMagics::summary).collect(Collectors.joining("\n\n")));
    }

    /** The signature and the first sentence of the Javadoc (when the JDK or the jar has sources). */
    private static String summary(SourceCodeAnalysis.Documentation doc) {
        String javadoc = doc.javadoc() == null ? "" : doc.javadoc().strip();
        int end = javadoc.indexOf(". ");
        int paragraph = javadoc.indexOf("\n\n");
        if (paragraph >= 0 && (end < 0 || paragraph < end)) {
            end = paragraph - 1;
        }
        String first = end < 0 ? javadoc : javadoc.substring(0, end + 1);
        return first.isEmpty() ? doc.signature() : doc.signature() + "\n" + first.replaceAll("\\s+", " ");
    }

    /** Resolves every coordinate, then hands the jars to {@code %classpath} (which prints what it added). */
    CellResult maven(MagicCall call) throws CellException {
        if (call.args().isEmpty()) {
            throw new MagicException(call, "%maven needs coordinates; usage: " + MAVEN_USAGE);
        }
        ArtifactResolver resolver = new ArtifactResolver(MavenSettings.forCurrentUser());
        List<String> jars = new ArrayList<>();
        for (String coordinates : call.args().split("\\s+")) {
            if (coordinates.split(":").length < 3) {
                throw new MagicException(call, "'" + coordinates + "' is not GROUP:ARTIFACT:VERSION; usage: " + MAVEN_USAGE);
            }
            try {
                for (Path p : resolver.resolve(coordinates)) {
                    if (!jars.contains(p.toString())) {
                        jars.add(p.toString());
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new MagicException(call, "'" + coordinates + "' is not GROUP:ARTIFACT:VERSION; usage: " + MAVEN_USAGE);
            } catch (DependencyResolutionException e) {
                throw new MagicException(call, "cannot resolve " + coordinates + ": " + e.getMessage());
            }
        }
        return magics.run(new MagicCall("classpath", String.join(" ", jars), "", call.line(), call.label()), false);
    }
}
