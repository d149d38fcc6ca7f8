package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Random;

/**
 * Draws a tensor from N(0, std²) with a Java generator seeded by (model seed, dotted name).
 *
 * <p>Why not DJL's initializers: {@link ai.djl.nn.Parameter.Type#WEIGHT} defaults to a Xavier/He normal drawn with
 * {@code NDManager.randomNormal}, i.e. from the engine's process-wide generator, which
 * {@code Engine.getInstance().setRandomSeed(int)} reseeds (on PyTorch: the torch global seed and DJL's
 * {@code RandomUtils}). Any other draw from that generator between seeding and initialization — another model,
 * dropout, a shuffle — shifts every weight. A generator per tensor makes the weights a function of (seed, name)
 * alone. {@link Random#nextGaussian()} is specified exactly by its Javadoc, so the values do not change between
 * JDKs. Note: an initializer given to DJL's {@code DefaultTrainingConfig.optInitializer} replaces this one.
 *
 * @param seed the model seed
 * @param name the parameter's dotted name
 * @param std  the standard deviation, &gt; 0
 */
public record SeededNormal(long seed, String name, double std) implements Initializer {

    public SeededNormal {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a seeded initializer needs the parameter name");
        if (!(std > 0) || Double.isInfinite(std)) throw new IllegalArgumentException("std must be finite and > 0, got " + std);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long n = shape.size();
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("parameter '" + name + "' has more than 2^31−1 elements");
        Random random = new Random(streamSeed(seed, name));
        float[] values = new float[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (std * random.nextGaussian());
        }
        NDArray array = manager.create(values, shape);
        return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
    }

    /** SplitMix64-mixes the seed with the name's (specified) {@link String#hashCode()}. */
    static long streamSeed(long seed, String name) {
        return mix64(seed ^ mix64(name.hashCode()));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
