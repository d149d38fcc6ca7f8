package org.spectraledge.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.maven.FakeRepository;
import org.spectraledge.kernel.session.CellError;
import org.spectraledge.kernel.session.CellOutcome;
import org.spectraledge.kernel.session.CellOutputs;
import org.spectraledge.kernel.session.NotebookSession;

/** %load, %help and %maven, run as cells of a full session. */
class SessionMagicsTest {

    static NotebookSession session;

    @BeforeAll
    static void start() {
        session = NotebookSession.start();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CellOutcome run(String cell) {
        session.beginCell();
        return session.execute(cell, "In [1]", CellOutputs.NONE);
    }

    private static String text(CellOutcome outcome) {
        assertTrue(!outcome.failed(), () -> outcome.error().traceback().toString());
        DisplayData value = outcome.result().orElseThrow();
        return String.valueOf(value.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void loadRunsTheScriptInThisSessionAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path setup = Files.writeString(dir.resolve("setup.jsh"), "int loaded = 40;\n%time int alsoLoaded = 2;\nint sum() { return loaded + alsoLoaded; }\n");
        assertEquals("42", text(run("%load " + setup + "\nsum()")));
        Path broken = Files.writeString(dir.resolve("broken.jsh"), "int fine = 1;\nthrow new IllegalStateException(\"bad\");\n");
        CellError error = run("%load " + broken).error();
        assertTrue(error.traceback().contains("    at broken.jsh, line 2"), error.traceback().toString());
        Path loop = dir.resolve("loop.jsh");
        Files.writeString(loop, "%load " + loop + "\n");
        assertTrue(run("%load " + loop).error().message().contains("loads itself"));
        CellError usage = run("%load").error();
        assertTrue(usage.message().contains(SessionMagics.LOAD_USAGE), usage.message());
    }

    @Test
    void helpShowsMagicUsageOrJavadocSummary() {
        assertEquals("usage: " + GeneralMagics.TIME_USAGE + "\nrun one line of Java and print its wall time", text(run("%help %time")));
        assertTrue(text(run("%help %%time")).startsWith("usage: %%time"));
        String doc = text(run("%help ArrayList"));
        assertTrue(doc.startsWith("java.util.ArrayList"), doc);
        CellError unknown = run("%help NoSuchThing").error();
        assertTrue(unknown.message().contains("NoSuchThing"), unknown.message());
        assertTrue(run("%help").error().message().contains(SessionMagics.HELP_USAGE));
    }

    @Test
    void mavenResolvesFromTheLocalRepositoryAndAddsTheJars() {
        // commons-math3 is in ~/.m2 (a library dependency): resolved without a network
        CellOutcome added = run("%maven org.apache.commons:commons-math3:3.6.1");
        assertTrue(!added.failed(), () -> added.error().traceback().toString());
        assertTrue(text(run("%classpath")).contains("commons-math3-3.6.1.jar"));
        assertTrue(run("%maven not-coordinates").error().message().contains(SessionMagics.MAVEN_USAGE));
        assertTrue(run("%maven").error().message().contains(SessionMagics.MAVEN_USAGE));
    }

    @Test
    void mavenFollowsTheUsersSettingsAndTheJarsWorkInTheNextCell(@TempDir Path dir) throws Exception {
        Path home = FakeRepository.userHome(dir, FakeRepository.create(dir));
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString()); // where Maven looks for settings.xml
        try {
            CellOutcome added = run("%maven demo:greeter:1.0");
            assertTrue(!added.failed(), () -> added.error().traceback().toString());
        } finally {
            System.setProperty("user.home", realHome);
        }
        assertEquals("hello from maven", text(run("new demo.Greeter().hi()")));
        assertTrue(Files.isRegularFile(home.resolve(".m2/repository/demo/words/1.0/words-1.0.jar")));
    }
}
