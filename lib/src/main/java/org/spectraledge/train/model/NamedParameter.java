package org.spectraledge.train.model;

import ai.djl.nn.Parameter;
import java.util.Objects;

/**
 * A model parameter under the project's stable dotted name ({@code embed}, {@code blocks.0.attn.W_Q}, …), which
 * parameter groups select on and checkpoints key on.
 *
 * @param name      stable name
 * @param parameter the DJL parameter; its shape is known from construction, its array after initialization
 */
public record NamedParameter(String name, Parameter parameter) {
    public NamedParameter {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a named parameter needs a non-blank name");
        Objects.requireNonNull(parameter, "parameter");
        if (parameter.getShape() == null) throw new IllegalArgumentException("parameter '" + name + "' has no shape yet");
    }

    /** The number of elements of the tensor. */
    public long size() {
        return parameter.getShape().size();
    }
}
