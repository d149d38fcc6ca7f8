package org.spectraledge.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution through settings.xml mirrors, from the local repository offline, and Maven's central default. */
class ArtifactResolverTest {

    @Test
    void resolvesTransitivelyThroughTheMirrorOfTheSettingsFile(@TempDir Path dir) throws Exception {
        Path remote = FakeRepository.create(dir);
        Path home = FakeRepository.userHome(dir, remote);
        MavenSettings settings = MavenSettings.read(home.resolve(".m2/settings.xml"), home);
        assertEquals(home.resolve(".m2/repository"), settings.localRepository());
        assertEquals(List.of(new MavenSettings.Mirror("fake", remote.toUri().toString(), "*")), settings.mirrors());

        List<Path> files = new ArtifactResolver(settings).resolve("demo:greeter:1.0");
        assertEquals(List.of("greeter-1.0.jar", "words-1.0.jar"), files.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(files.get(1).startsWith(home.resolve(".m2/repository")), "downloaded into the local repository: " + files);
    }

    @Test
    void offlineResolutionUsesTheLocalRepositoryOnly(@TempDir Path dir) throws Exception {
        // commons-math3 is a library dependency, so every build has it in ~/.m2
        MavenSettings user = MavenSettings.forCurrentUser();
        MavenSettings offline = new MavenSettings(user.localRepository(), true, List.of());
        List<Path> files = new ArtifactResolver(offline).resolve("org.apache.commons:commons-math3:3.6.1");
        assertEquals(1, files.size(), "commons-math3 has no runtime dependencies: " + files);
        assertEquals(user.localRepository().resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"), files.get(0));

        MavenSettings empty = new MavenSettings(Files.createDirectories(dir.resolve("empty")), true, List.of());
        DependencyResolutionException missing = assertThrows(DependencyResolutionException.class,
                () -> new ArtifactResolver(empty).resolve("org.apache.commons:commons-math3:3.6.1"));
        assertTrue(missing.getMessage().contains("commons-math3"), missing.getMessage());
    }

    @Test
    void settingsFileValuesAndDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.xml"), "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">"
                + "<localRepository>${user.home}/repo</localRepository><offline>true</offline></settings>");
        MavenSettings s = MavenSettings.read(file, dir);
        assertEquals(dir.resolve("repo"), s.localRepository());
        assertTrue(s.offline());
        MavenSettings none = MavenSettings.read(dir.resolve("missing.xml"), dir);
        assertEquals(MavenSettings.defaults(dir), none);
        assertFalse(none.offline());
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<settings>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MavenSettings.read(broken, dir));
        assertTrue(e.getMessage().contains("broken.xml"), e.getMessage());
    }

    @Test
    void centralComesFromMavensDefaultUnlessOverriddenLikeMaven() {
        String old = System.getProperty("maven.repo.central");
        try {
            System.clearProperty("maven.repo.central");
            assertTrue(ArtifactResolver.centralUrl().startsWith("https://"), ArtifactResolver.centralUrl());
            System.setProperty("maven.repo.central", "file:///somewhere/else");
            assertEquals("file:///somewhere/else", ArtifactResolver.centralUrl());
        } finally {
            if (old == null) {
                System.clearProperty("maven.repo.central");
            } else {
                System.setProperty("maven.repo.central", old);
            }
        }
    }

    @Test
    void badCoordinatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ArtifactResolver(MavenSettings.defaults(Path.of("/tmp"))).resolve("just-a-name"));
    }
}
