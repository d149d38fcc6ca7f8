package org.spectraledge.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the PyTorch engine of DJL is started: thread counts, seed and native cache directory.
 *
 * <p>DJL reads the thread counts once, when the engine starts (it passes the system properties
 * {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads} to the native
 * library in {@code PtEngine.newInstance}); setting the properties later has no effect. The
 * inter-op count and the cache directory are then fixed for the life of the JVM (to change them,
 * restart it; in a notebook, restart the kernel). A later {@link Engines#start(EngineConfig)} can
 * still change the intra-op count (PyTorch allows that at any time) and the seed, as can
 * {@link Engines#seed(int)}.
 *
 * @param intraOpThreads threads used inside one operation (matrix products); at least 1
 * @param interOpThreads threads running independent operations in parallel; at least 1
 * @param seed seed of PyTorch's generator and of DJL's {@code RandomUtils}
 * @param cacheDir where DJL unpacks the native libraries (about 450 MB); empty means DJL's default
 *     ({@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} if set, else {@code ~/.djl.ai})
 */
public record EngineConfig(int intraOpThreads, int interOpThreads, int seed, Optional<Path> cacheDir) {

    /** System property DJL reads for the intra-op thread count. */
    public static final String INTRA_OP_PROPERTY = "ai.djl.pytorch.num_threads";
    /** System property DJL reads for the inter-op thread count. */
    public static final String INTER_OP_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    public EngineConfig {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
        }
        if (interOpThreads < 1) {
            throw new IllegalArgumentException("interOpThreads must be >= 1, got " + interOpThreads);
        }
        if (cacheDir == null) {
            throw new IllegalArgumentException("cacheDir must be Optional.empty(), not null");
        }
        cacheDir = cacheDir.map(p -> p.toAbsolutePath().normalize());
    }

    /** The configuration {@link Builder#build()} gives without any setter called. */
    public static EngineConfig defaults() {
        return builder().build();
    }

    /** A builder; every value is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EngineConfig}; all values are optional (see each {@code opt} method). */
    public static final class Builder {
        private Integer intraOpThreads;
        private Integer interOpThreads;
        private int seed = 0;
        private Path cacheDir;

        private Builder() {}

        /**
         * Intra-op threads. Default: the system property {@value #INTRA_OP_PROPERTY} if set (so a
         * {@code -D} on the command line wins), else the number of available processors.
         */
        public Builder optIntraOpThreads(int threads) {
            this.intraOpThreads = threads;
            return this;
        }

        /**
         * Inter-op threads. Default: the system property {@value #INTER_OP_PROPERTY} if set, else 1
         * (our models run one operation at a time; a larger pool only adds idle threads).
         */
        public Builder optInterOpThreads(int threads) {
            this.interOpThreads = threads;
            return this;
        }

        /** Seed of PyTorch and DJL random generators. Default 0. */
        public Builder optSeed(int seed) {
            this.seed = seed;
            return this;
        }

        /** Directory for DJL's unpacked native libraries. Default: DJL's own choice. */
        public Builder optCacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** Validates and returns the configuration. */
        public EngineConfig build() {
            int intra = intraOpThreads != null ? intraOpThreads
                    : intProperty(INTRA_OP_PROPERTY, Runtime.getRuntime().availableProcessors());
            int inter = interOpThreads != null ? interOpThreads : intProperty(INTER_OP_PROPERTY, 1);
            return new EngineConfig(intra, inter, seed, Optional.ofNullable(cacheDir));
        }

        private static int intProperty(String name, int fallback) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("system property " + name + " must be a positive integer, got '"
                        + value + "'", e);
            }
        }
    }
}
