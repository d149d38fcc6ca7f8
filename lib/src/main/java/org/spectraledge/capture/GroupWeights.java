package org.spectraledge.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.spectraledge.train.model.NamedParameter;

/**
 * The weights θ of one parameter group as one vector over the group (its tensors flattened and concatenated in layout
 * order, the space the window's directions v_j live in), to read and to write back. For probes and interventions that
 * act on θ between steps; the capture's own reading is {@link SnapshotReader}, tuned for every-step use.
 */
public final class GroupWeights {
    private final List<NamedParameter> tensors;
    private final int size;

    /**
     * @param parameters all the model's parameters by stable name
     * @param selection  the group (its tensors, in layout order)
     */
    public GroupWeights(List<NamedParameter> parameters, ParameterGroup.Selection selection) {
        Map<String, NamedParameter> byName = parameters.stream().collect(Collectors.toMap(NamedParameter::name, Function.identity()));
        this.tensors = selection.names().stream().map(byName::get).toList();
        this.size = selection.size();
    }

    /** P, the group's number of weights. */
    public int size() { return size; }

    /** θ now, widened to float64, length P. */
    public double[] read() {
        double[] theta = new double[size];
        int offset = 0;
        for (NamedParameter p : tensors) {
            try (NDArray wide = p.parameter().getArray().toType(DataType.FLOAT64, true)) {
                double[] values = wide.toDoubleArray();
                System.arraycopy(values, 0, theta, offset, values.length);
                offset += values.length;
            }
        }
        return theta;
    }

    /**
     * Sets θ, rounding to the tensors' float32.
     *
     * @param theta length P. Modified: each entry is replaced by the float32 value actually stored, so that a caller
     *              keeping it as "the weights now" holds exactly what the model holds.
     */
    public void write(double[] theta) {
        if (theta.length != size) throw new IllegalArgumentException("the group has " + size + " weights, got " + theta.length);
        int offset = 0;
        for (NamedParameter p : tensors) {
            NDArray w = p.parameter().getArray();
            int n = Math.toIntExact(w.size());
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) theta[offset + i];
                theta[offset + i] = values[i];
            }
            w.set(values);
            offset += n;
        }
    }
}
