package org.spectraledge.kernel.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.interpolation.ModelInterpolator;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves Maven artifacts with their runtime dependencies, as Maven 3 would: Maven Resolver wired by
 * {@code maven-resolver-supplier-mvn3}, the user's local repository, and Maven Central.
 *
 * <p>Where Central is: this class names no host. Maven's model builder defines the default in
 * {@link ModelInterpolator#DEFAULT_MAVEN_REPO_CENTRAL_URL} (the value of the super-POM's
 * {@code ${maven.repo.central}}), and, like Maven, a {@code -Dmaven.repo.central=URL} system property
 * overrides it. From {@code settings.xml}, as in Maven: the active profiles' repositories come before Central,
 * mirrors replace the repositories they match ({@code mirrorOf}), a {@code <server>} authenticates the repository
 * or mirror of its id, and the active proxies carry the requests.
 */
public final class ArtifactResolver {

    /** The id every Maven build gives Central (the super POM's repository id). */
    public static final String CENTRAL_ID = "central";

    private final MavenSettings settings;

    public ArtifactResolver(MavenSettings settings) {
        this.settings = settings;
    }

    /** Central's URL by Maven's own rule: {@code -Dmaven.repo.central}, else the model builder's default. */
    public static String centralUrl() {
        return System.getProperty(ModelInterpolator.MAVEN_REPO_CENTRAL_KEY, ModelInterpolator.DEFAULT_MAVEN_REPO_CENTRAL_URL);
    }

    /**
     * Resolves {@code coordinates} and everything it needs at run time.
     *
     * @param coordinates {@code GROUP:ARTIFACT:VERSION} (or {@code GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION})
     * @return the files, the artifact first, then its dependencies in resolution order
     * @throws IllegalArgumentException when {@code coordinates} is not of that form
     * @throws DependencyResolutionException when something cannot be found or downloaded (offline: not in the
     *                                       local repository)
     */
    public List<Path> resolve(String coordinates) throws DependencyResolutionException {
        Artifact artifact = new DefaultArtifact(coordinates); // throws IllegalArgumentException on bad coordinates
        RepositorySystem system = new RepositorySystemSupplier().get();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(settings.localRepository())
                .setOffline(settings.offline())
                .setMirrorSelector(mirrorSelector())
                .setProxySelector(proxySelector())
                .setAuthenticationSelector(authenticationSelector())
                .setSystemProperties(System.getProperties())
                .build()) {
            List<RemoteRepository> repositories = new ArrayList<>();
            for (MavenSettings.Repository r : settings.repositories()) {
                repositories.add(new RemoteRepository.Builder(r.id(), "default", r.url())
                        .setReleasePolicy(policy(r.releases()))
                        .setSnapshotPolicy(policy(r.snapshots()))
                        .build());
            }
            repositories.add(new RemoteRepository.Builder(CENTRAL_ID, "default", centralUrl()).build());
            // applies the session's mirror, then authentication and proxy selectors, as Maven does
            CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime"),
                    system.newResolutionRepositories(session, repositories));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                files.add(result.getArtifact().getPath());
            }
            return files;
        } finally {
            system.shutdown();
        }
    }

    private DefaultMirrorSelector mirrorSelector() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (MavenSettings.Mirror m : settings.mirrors()) {
            selector.add(m.id(), m.url(), "default", false, false, m.mirrorOf(), "*");
        }
        return selector;
    }

    private DefaultProxySelector proxySelector() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (MavenSettings.Proxy p : settings.proxies()) {
            selector.add(new Proxy(p.protocol(), p.host(), p.port(), credentials(p.username(), p.password(), null, null)),
                    p.nonProxyHosts());
        }
        return selector;
    }

    private DefaultAuthenticationSelector authenticationSelector() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (MavenSettings.Server s : settings.servers()) {
            selector.add(s.id(), credentials(s.username(), s.password(), s.privateKey(), s.passphrase()));
        }
        return selector;
    }

    /** Maven's default update (daily) and checksum (warn) policies, enabled or not. */
    private static RepositoryPolicy policy(boolean enabled) {
        return new RepositoryPolicy(enabled, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_WARN);
    }

    /** The resolver's authentication from what the settings give, or null when they give nothing. */
    private static org.eclipse.aether.repository.Authentication credentials(String username, String password,
                                                                             String privateKey, String passphrase) {
        AuthenticationBuilder b = new AuthenticationBuilder();
        if (username != null) b.addUsername(username);
        if (password != null) b.addPassword(password);
        if (privateKey != null) b.addPrivateKey(privateKey, passphrase);
        return b.build();
    }
}
