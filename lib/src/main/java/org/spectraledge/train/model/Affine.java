package org.spectraledge.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * The affine map y = x W + b of the package's convention (W ∈ R^{in × out}, rows are examples), computed as one
 * fused matrix product: torch's {@code linear}, which starts the product from b ({@code addmm}) instead of adding b
 * in a second pass over the output. Same result as {@code x.matMul(W).add(b)} up to float rounding, with one pass
 * over the output fewer. Figures: docs/benchmarks.md#where-the-1-thread-step-goes.
 */
final class Affine {

    private Affine() {}

    /**
     * @param x [..., in], the first operand, so the result lives on its manager
     * @param w [in, out]
     * @param b [out], or null for x W alone
     * @return [..., out]
     */
    static NDArray apply(NDArray x, NDArray w, NDArray b) {
        if (b == null) return x.matMul(w);
        NDArray wT = w.transpose();        // a view of W, which DJL puts on W's long-lived manager;
        wT.attach(x.getManager());         // the step's manager frees it with the step's other temporaries
        Shape shape = x.getShape();
        if (shape.dimension() == 2) return Linear.linear(x, wT, b).singletonOrThrow();
        // libtorch's C++ linear fuses only 2-D inputs (a 3-D one gets a product, then b added in place): fold the
        // leading axes into rows, which for a contiguous x is a view
        NDArray rows = Linear.linear(x.reshape(-1, shape.get(shape.dimension() - 1)), wT, b).singletonOrThrow();
        return rows.reshape(shape.slice(0, shape.dimension() - 1).add(w.getShape().get(1)));
    }
}
