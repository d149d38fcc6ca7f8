package org.spectraledge.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.xml as Maven reads it: env interpolation, a mirror with credentials, a proxy, profiles' repositories. */
class MavenSettingsTest {

    private static String settings(String proxyPort) {
        return String.join("\n",
                "<settings>",
                "  <localRepository>${env.SE_TEST_HOME}/cache</localRepository>",
                "  <mirrors><mirror><id>corp</id><mirrorOf>*</mirrorOf><url>http://mirror.invalid/${env.SE_TEST_REPO}</url></mirror></mirrors>",
                "  <servers><server><id>corp</id><username>ada</username><password>${env.SE_TEST_SECRET}</password></server></servers>",
                "  <proxies>",
                "    <proxy><id>off</id><active>false</active><protocol>http</protocol><host>127.0.0.2</host><port>1</port></proxy>",
                "    <proxy><id>loop</id><protocol>http</protocol><host>127.0.0.1</host><port>" + proxyPort + "</port></proxy>",
                "  </proxies>",
                "  <profiles>",
                "    <profile><id>extra</id><repositories><repository><id>extra</id><url>http://extra.invalid/m2</url>",
                "      <snapshots><enabled>false</enabled></snapshots></repository></repositories></profile>",
                "    <profile><id>idle</id><repositories><repository><id>idle</id><url>http://idle.invalid</url></repository></repositories></profile>",
                "  </profiles>",
                "  <activeProfiles><activeProfile>extra</activeProfile></activeProfiles>",
                "</settings>");
    }

    @Test
    void envInterpolationMirrorsServersProxiesAndActiveProfilesAreRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.xml"), settings("3128"));
        Map<String, String> env = Map.of("SE_TEST_HOME", dir.toString(), "SE_TEST_REPO", "repo", "SE_TEST_SECRET", "s3cret");

        MavenSettings s = MavenSettings.read(file, dir, env);

        assertEquals(dir.resolve("cache"), s.localRepository());
        assertEquals(List.of(new MavenSettings.Mirror("corp", "http://mirror.invalid/repo", "*")), s.mirrors());
        assertEquals(List.of(new MavenSettings.Server("corp", "ada", "s3cret", null, null)), s.servers());
        assertEquals(List.of(new MavenSettings.Proxy("loop", "http", "127.0.0.1", 3128, null, null, null)), s.proxies(),
                "only the active proxy");
        assertEquals(List.of(new MavenSettings.Repository("extra", "http://extra.invalid/m2", true, false)), s.repositories(),
                "only the active profile's repository");
        assertFalse(s.servers().toString().contains("s3cret"), "passwords stay out of toString: " + s.servers());
    }

    @Test
    void resolvesThroughAnAuthenticatedMirrorBehindAProxy(@TempDir Path dir) throws Exception {
        Path remote = FakeRepository.create(dir);
        String expected = "Basic " + Base64.getEncoder().encodeToString("ada:s3cret".getBytes(StandardCharsets.US_ASCII));
        List<String> served = new CopyOnWriteArrayList<>();
        // a loopback HTTP proxy that answers for the mirror host itself: requests arrive in absolute form
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            String prefix = "http://mirror.invalid/repo/";
            Path target = uri.startsWith(prefix) ? remote.resolve(uri.substring(prefix.length())) : null;
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"corp\"");
                exchange.sendResponseHeaders(401, -1);
            } else if (target == null || !Files.isRegularFile(target)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                served.add(uri);
                byte[] body = Files.readAllBytes(target);
                exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
                if (!"HEAD".equals(exchange.getRequestMethod())) exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        proxy.start();
        try {
            Path file = Files.writeString(dir.resolve("settings.xml"), settings(Integer.toString(proxy.getAddress().getPort())));
            Path home = Files.createDirectories(dir.resolve("home"));
            MavenSettings s = MavenSettings.read(file, home,
                    Map.of("SE_TEST_HOME", home.toString(), "SE_TEST_REPO", "repo", "SE_TEST_SECRET", "s3cret"));

            List<Path> files = new ArtifactResolver(s).resolve("demo:greeter:1.0");

            assertEquals(List.of("greeter-1.0.jar", "words-1.0.jar"), files.stream().map(p -> p.getFileName().toString()).toList());
            assertTrue(files.get(0).startsWith(home.resolve("cache")), "cached in the interpolated local repository: " + files);
            assertTrue(served.contains("http://mirror.invalid/repo/demo/words/1.0/words-1.0.jar"), "through the proxy: " + served);
        } finally {
            proxy.stop(0);
        }
    }
}
