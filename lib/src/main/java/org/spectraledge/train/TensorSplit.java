package org.spectraledge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * One part (train or test) of a task as tensors: the model inputs (one or more arrays whose first axis is the
 * example) and the labels.
 *
 * @param inputs model inputs, each [N, …]
 * @param labels labels, [N] or [N, T]
 */
public record TensorSplit(NDList inputs, NDArray labels) {

    public TensorSplit {
        long n = labels.getShape().get(0);
        for (NDArray a : inputs) {
            if (a.getShape().get(0) != n) {
                throw new IllegalArgumentException("inputs have " + a.getShape().get(0) + " examples but labels " + n);
            }
        }
    }

    /** Number of examples N. */
    public int size() { return Math.toIntExact(labels.getShape().get(0)); }

    /**
     * A copy of every array on {@code manager}. A forward pass attaches its results to the manager of its inputs,
     * so a step must feed the model arrays of the step's own manager, or every step would leave its activations
     * on the long-lived one.
     */
    public TensorSplit copyTo(NDManager manager) {
        NDList in = new NDList(inputs.size());
        for (NDArray a : inputs) in.add(copy(a, manager));
        return new TensorSplit(in, copy(labels, manager));
    }

    private static NDArray copy(NDArray a, NDManager manager) {
        NDArray c = a.duplicate();
        c.attach(manager);
        return c;
    }

    /** The examples at {@code rows}, as new arrays on {@code manager}. */
    public TensorSplit select(NDManager manager, int[] rows) {
        NDArray index = manager.create(rows);
        NDList in = new NDList(inputs.size());
        for (NDArray a : inputs) in.add(take(a, index, manager));
        return new TensorSplit(in, take(labels, index, manager));
    }

    private static NDArray take(NDArray a, NDArray index, NDManager manager) {
        NDArray r = a.get(new NDIndex("{}", index));
        r.attach(manager);
        return r;
    }
}
