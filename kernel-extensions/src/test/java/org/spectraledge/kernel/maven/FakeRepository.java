package org.spectraledge.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a directory, for resolver tests without a network: {@code demo:greeter:1.0}
 * (class {@code demo.Greeter}) depends on {@code demo:words:1.0} (class {@code demo.Words}), and a
 * user home whose {@code settings.xml} mirrors every repository to it.
 */
public final class FakeRepository {

    private FakeRepository() {}

    /** Builds the repository under {@code dir/remote} and returns it. */
    public static Path create(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(src.resolve("Words.java"), "package demo; public class Words { public static String hello() { return \"hello from maven\"; } }");
        Files.writeString(src.resolve("Greeter.java"), "package demo; public class Greeter { public String hi() { return Words.hello(); } }");
        Path classes = dir.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("Words.java").toString(), src.resolve("Greeter.java").toString()));
        Path remote = dir.resolve("remote");
        publish(remote, "words", "", classes.resolve("demo/Words.class"));
        publish(remote, "greeter", "<dependencies><dependency><groupId>demo</groupId><artifactId>words</artifactId>"
                + "<version>1.0</version></dependency></dependencies>", classes.resolve("demo/Greeter.class"));
        return remote;
    }

    /** A user home with an empty local repository and a settings.xml mirroring everything to {@code remote}. */
    public static Path userHome(Path dir, Path remote) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), String.join("\n",
                "<settings>",
                "  <mirrors>",
                "    <mirror><id>fake</id><mirrorOf>*</mirrorOf><url>" + remote.toUri() + "</url></mirror>",
                "  </mirrors>",
                "</settings>"));
        return home;
    }

    private static void publish(Path remote, String artifact, String dependencies, Path classFile) throws IOException {
        Path dir = Files.createDirectories(remote.resolve("demo").resolve(artifact).resolve("1.0"));
        Files.writeString(dir.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId>"
                + "<artifactId>" + artifact + "</artifactId><version>1.0</version>" + dependencies + "</project>");
        try (OutputStream file = Files.newOutputStream(dir.resolve(artifact + "-1.0.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("demo/" + classFile.getFileName()));
            jar.write(Files.readAllBytes(classFile));
            jar.closeEntry();
        }
    }
}
