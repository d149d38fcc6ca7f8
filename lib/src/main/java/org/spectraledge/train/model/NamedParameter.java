package org.spectraledge.train.model;

import ai.djl.nn.Parameter;
import java.util.Objects;

/**
 * One parameter tensor under its dotted name ({@code blocks.0.attn.W_Q}).
 *
 * @param name      the project's dotted name
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
