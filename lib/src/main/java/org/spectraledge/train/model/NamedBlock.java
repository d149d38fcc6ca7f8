package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A DJL block that records its parameters and child blocks under the project's names, in declaration order, so
 * that {@link #namedParameters()} lists every tensor as {@code child.child.parameter} in a fixed order.
 *
 * <p>All parameter shapes are fixed at construction (they follow from the model's configuration, not from the input
 * shape), so {@link NamedParameters} works before initialization and {@code initialize} accepts any input shape.
 * The root model calls {@link #seedInitializers(long)} once, which gives every random tensor a {@link SeededNormal}
 * keyed by its full dotted name.
 */
public abstract class NamedBlock extends AbstractBlock {

    /** A parameter or a child block, under its local name; {@code std} is NaN for constant-initialized tensors. */
    private record Member(String name, Parameter parameter, double std, NamedBlock child) {}

    private final List<Member> members = new ArrayList<>();
    private final Set<String> localNames = new HashSet<>();

    /**
     * Declares a random tensor drawn from N(0, std²) at initialization.
     *
     * @param name  the local name, e.g. {@code W_Q}
     * @param std   standard deviation, &gt; 0
     * @param shape the tensor's shape
     */
    protected final Parameter randomParameter(String name, double std, long... shape) {
        return declare(name, Parameter.Type.WEIGHT, std, shape);
    }

    /**
     * Declares a tensor initialized to zeros (type BIAS or BETA) or ones (type GAMMA).
     *
     * @param name  the local name, e.g. {@code b_in}
     * @param type  BIAS, BETA or GAMMA
     * @param shape the tensor's shape
     */
    protected final Parameter constantParameter(String name, Parameter.Type type, long... shape) {
        if (type != Parameter.Type.BIAS && type != Parameter.Type.BETA && type != Parameter.Type.GAMMA) {
            throw new IllegalArgumentException("a constant parameter is a BIAS, BETA (zeros) or GAMMA (ones), got " + type);
        }
        return declare(name, type, Double.NaN, shape);
    }

    private Parameter declare(String name, Parameter.Type type, double std, long... shape) {
        claim(name);
        Parameter parameter = addParameter(Parameter.builder().setName(name).setType(type).optShape(new Shape(shape)).build());
        members.add(new Member(name, parameter, std, null));
        return parameter;
    }

    /** Declares a child block under a local name such as {@code attn} or {@code blocks.0}. */
    protected final <B extends NamedBlock> B child(String name, B block) {
        claim(name);
        addChildBlock(name, block);
        members.add(new Member(name, null, Double.NaN, block));
        return block;
    }

    private void claim(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a member of a block needs a name");
        if (!localNames.add(name)) throw new IllegalArgumentException("'" + name + "' is declared twice in " + getClass().getSimpleName());
    }

    /** Every tensor of this block and its children, in declaration order, under dotted names. */
    public final List<NamedParameter> namedParameters() {
        List<NamedParameter> out = new ArrayList<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, List<NamedParameter> out) {
        for (Member m : members) {
            if (m.child() != null) {
                m.child().collect(prefix + m.name() + ".", out);
            } else {
                out.add(new NamedParameter(prefix + m.name(), m.parameter()));
            }
        }
    }

    /**
     * Gives every random tensor of this block and its children a {@link SeededNormal} keyed by its full dotted name
     * (constant tensors keep their zeros/ones). Called by the root model's constructor.
     */
    protected final void seedInitializers(long seed) {
        seedInitializers(seed, "");
    }

    private void seedInitializers(long seed, String prefix) {
        for (Member m : members) {
            if (m.child() != null) {
                m.child().seedInitializers(seed, prefix + m.name() + ".");
            } else {
                Initializer init = Double.isNaN(m.std()) ? m.parameter().getType().getInitializer()
                        : new SeededNormal(seed, prefix + m.name(), m.std());
                m.parameter().setInitializer(init);
            }
        }
    }

    /** Children's shapes do not depend on the input, so each child is initialized with this block's input shapes. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Member m : members) {
            if (m.child() != null) m.child().initialize(manager, dataType, inputShapes);
        }
    }

    /** The array of a parameter for this forward pass, on the device of {@code like}. */
    protected static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return store.getValue(parameter, like.getDevice(), training);
    }
}
