package org.spectraledge.kernel.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.profile.DefaultProfileActivationContext;
import org.apache.maven.model.profile.DefaultProfileSelector;
import org.apache.maven.model.profile.activation.JdkVersionProfileActivator;
import org.apache.maven.model.profile.activation.OperatingSystemProfileActivator;
import org.apache.maven.model.profile.activation.PropertyProfileActivator;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;

/**
 * The parts of a user's Maven {@code settings.xml} that resolving an artifact needs, read by Maven's own settings
 * builder ({@code maven-settings-builder}): {@code ${user.home}}, {@code ${env.X}} and system properties are
 * interpolated and the file is validated as Maven does. Where the file says nothing, Maven's defaults hold: the local
 * repository {@code ~/.m2/repository}, offline off, no mirrors, proxies, servers or extra repositories.
 *
 * <p>Profiles are selected as Maven selects them ({@code <activeProfiles>}, {@code activeByDefault}, and activation
 * by JDK, OS or property); activation by file is not evaluated. Only the user file is read (a kernel has no Maven
 * installation whose global settings would apply), and encrypted passwords ({@code settings-security.xml}) are passed
 * on as written.
 *
 * @param localRepository where artifacts are cached
 * @param offline         whether to resolve from the local repository only
 * @param mirrors         the {@code <mirror>} entries, in file order
 * @param proxies         the active {@code <proxy>} entries, in file order
 * @param servers         the {@code <server>} credentials, applied to the repository or mirror of the same id
 * @param repositories    the repositories of the active profiles, searched before Central
 */
public record MavenSettings(Path localRepository, boolean offline, List<Mirror> mirrors, List<Proxy> proxies,
                            List<Server> servers, List<Repository> repositories) {

    /**
     * One {@code <mirror>}: requests for the repositories matched by {@code mirrorOf} ({@code central},
     * {@code *}, {@code external:*}, {@code !id}, comma lists) go to {@code url} instead.
     */
    public record Mirror(String id, String url, String mirrorOf) {
        public Mirror {
            if (id == null || id.isBlank() || url == null || url.isBlank() || mirrorOf == null || mirrorOf.isBlank()) {
                throw new IllegalArgumentException("a <mirror> needs <id>, <url> and <mirrorOf>, got id=" + id
                        + " url=" + url + " mirrorOf=" + mirrorOf);
            }
        }
    }

    /**
     * One active {@code <proxy>}: requests over {@code protocol} go through {@code host:port}, except to the hosts of
     * {@code nonProxyHosts} ({@code |}-separated, {@code *} wildcards); {@code username} is null without credentials.
     */
    public record Proxy(String id, String protocol, String host, int port, String username, String password,
                        String nonProxyHosts) {
        @Override
        public String toString() { // keeps the password out of logs
            return "Proxy[id=" + id + ", " + protocol + "://" + host + ":" + port + ", username=" + username
                    + ", nonProxyHosts=" + nonProxyHosts + "]";
        }
    }

    /** One {@code <server>}: credentials for the repository or mirror whose id is {@code id}; absent parts are null. */
    public record Server(String id, String username, String password, String privateKey, String passphrase) {
        @Override
        public String toString() { // keeps secrets out of logs
            return "Server[id=" + id + ", username=" + username + ", privateKey=" + privateKey + "]";
        }
    }

    /** One {@code <repository>} of an active profile. */
    public record Repository(String id, String url, boolean releases, boolean snapshots) {}

    public MavenSettings {
        if (localRepository == null) {
            throw new IllegalArgumentException("the local repository path is required");
        }
        mirrors = List.copyOf(mirrors);
        proxies = List.copyOf(proxies);
        servers = List.copyOf(servers);
        repositories = List.copyOf(repositories);
    }

    /** Settings with a local repository, offline mode and mirrors, and no proxies, servers or extra repositories. */
    public MavenSettings(Path localRepository, boolean offline, List<Mirror> mirrors) {
        this(localRepository, offline, mirrors, List.of(), List.of(), List.of());
    }

    /** Maven's defaults for a user whose home is {@code userHome} and who has no settings file. */
    public static MavenSettings defaults(Path userHome) {
        return new MavenSettings(userHome.resolve(".m2").resolve("repository"), false, List.of());
    }

    /** The current user's settings: {@code ~/.m2/settings.xml} if it exists, else Maven's defaults. */
    public static MavenSettings forCurrentUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return read(home.resolve(".m2").resolve("settings.xml"), home);
    }

    /**
     * Reads {@code settingsFile}, filling what it lacks with {@link #defaults}; {@code ${env.X}} comes from this
     * process's environment.
     *
     * @throws IllegalArgumentException naming the file when Maven would reject it
     */
    public static MavenSettings read(Path settingsFile, Path userHome) {
        return read(settingsFile, userHome, System.getenv());
    }

    /**
     * Reads {@code settingsFile} with {@code env} as the environment of {@code ${env.X}} (as Maven's command line,
     * which hands the environment to the settings builder as {@code env.}-prefixed properties).
     *
     * @throws IllegalArgumentException naming the file when Maven would reject it
     */
    public static MavenSettings read(Path settingsFile, Path userHome, Map<String, String> env) {
        MavenSettings defaults = defaults(userHome);
        if (!Files.isRegularFile(settingsFile)) {
            return defaults;
        }
        Properties system = new Properties();
        system.putAll(System.getProperties());
        env.forEach((k, v) -> system.setProperty("env." + k, v));
        system.setProperty("user.home", userHome.toString());
        Settings s;
        try {
            DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest()
                    .setUserSettingsFile(settingsFile.toFile())
                    .setSystemProperties(system);
            s = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new IllegalArgumentException("cannot read Maven settings " + settingsFile + ": " + e.getMessage()
                    + "; fix or move the file", e);
        }

        Path localRepository = s.getLocalRepository() == null || s.getLocalRepository().isBlank()
                ? defaults.localRepository() : Path.of(s.getLocalRepository().strip());
        List<Mirror> mirrors = s.getMirrors().stream().map(m -> new Mirror(m.getId(), m.getUrl(), m.getMirrorOf())).toList();
        List<Proxy> proxies = s.getProxies().stream().filter(org.apache.maven.settings.Proxy::isActive)
                .map(p -> new Proxy(p.getId(), p.getProtocol(), p.getHost(), p.getPort(), p.getUsername(), p.getPassword(),
                        p.getNonProxyHosts()))
                .toList();
        List<Server> servers = s.getServers().stream()
                .map(v -> new Server(v.getId(), v.getUsername(), v.getPassword(), v.getPrivateKey(), v.getPassphrase()))
                .toList();
        List<Repository> repositories = new ArrayList<>();
        for (org.apache.maven.settings.Profile p : activeProfiles(s, system)) {
            for (org.apache.maven.settings.Repository r : p.getRepositories()) {
                repositories.add(new Repository(r.getId(), r.getUrl(),
                        r.getReleases() == null || r.getReleases().isEnabled(),
                        r.getSnapshots() == null || r.getSnapshots().isEnabled()));
            }
        }
        return new MavenSettings(localRepository, s.isOffline(), mirrors, proxies, servers, repositories);
    }

    /** The settings' profiles that Maven would activate, through the model builder's own profile selector. */
    private static List<org.apache.maven.settings.Profile> activeProfiles(Settings s, Properties system) {
        List<org.apache.maven.model.Profile> candidates = new ArrayList<>();
        for (org.apache.maven.settings.Profile p : s.getProfiles()) candidates.add(asModelProfile(p));
        DefaultProfileActivationContext context = new DefaultProfileActivationContext()
                .setActiveProfileIds(s.getActiveProfiles())
                .setSystemProperties(system);
        Set<String> active = new HashSet<>();
        new DefaultProfileSelector()
                .addProfileActivator(new JdkVersionProfileActivator())
                .addProfileActivator(new OperatingSystemProfileActivator())
                .addProfileActivator(new PropertyProfileActivator())
                .getActiveProfiles(candidates, context, problem -> { })
                .forEach(p -> active.add(p.getId()));
        return s.getProfiles().stream().filter(p -> active.contains(p.getId())).toList();
    }

    /** The activation of a settings profile in the model's types, which the profile selector reads. */
    private static org.apache.maven.model.Profile asModelProfile(org.apache.maven.settings.Profile p) {
        org.apache.maven.model.Profile m = new org.apache.maven.model.Profile();
        m.setId(p.getId());
        org.apache.maven.settings.Activation a = p.getActivation();
        if (a != null) {
            org.apache.maven.model.Activation ma = new org.apache.maven.model.Activation();
            ma.setActiveByDefault(a.isActiveByDefault());
            ma.setJdk(a.getJdk());
            if (a.getOs() != null) {
                org.apache.maven.model.ActivationOS os = new org.apache.maven.model.ActivationOS();
                os.setName(a.getOs().getName());
                os.setFamily(a.getOs().getFamily());
                os.setArch(a.getOs().getArch());
                os.setVersion(a.getOs().getVersion());
                ma.setOs(os);
            }
            if (a.getProperty() != null) {
                org.apache.maven.model.ActivationProperty property = new org.apache.maven.model.ActivationProperty();
                property.setName(a.getProperty().getName());
                property.setValue(a.getProperty().getValue());
                ma.setProperty(property);
            }
            m.setActivation(ma);
        }
        return m;
    }
}
