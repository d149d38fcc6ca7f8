package org.spectraledge.train;

import ai.djl.nn.Parameter;

/**
 * A model parameter under the project's stable dotted name ({@code embed}, {@code blocks.0.attn.W_Q}, …), which
 * parameter groups select on and checkpoints key on.
 *
 * @param name      stable name
 * @param parameter the DJL parameter
 */
public record NamedParameter(String name, Parameter parameter) {
    public NamedParameter {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a parameter needs a name");
        if (parameter == null) throw new IllegalArgumentException("parameter '" + name + "' is null");
    }
}
