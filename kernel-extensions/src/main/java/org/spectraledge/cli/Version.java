package org.spectraledge.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code spectral-edge --version}: the jar manifest's Implementation-Version, {@code unknown} when run from classes. */
final class Version implements IVersionProvider {
    /** The version of this build. */
    static String current() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    @Override public String[] getVersion() {
        return new String[] {"spectral-edge " + current()};
    }
}
