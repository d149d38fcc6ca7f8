package org.spectraledge.intervention;

import java.util.List;
import org.spectraledge.capture.GroupWeights;
import org.spectraledge.capture.ParameterGroup;
import org.spectraledge.train.StepContext;
import org.spectraledge.train.TrainingListener;
import org.spectraledge.train.model.NamedParameter;

/**
 * Applies a {@link GapCollapseProjection} to every optimizer step's update of one parameter group: after the
 * optimizer has moved θ_{t−1} to θ_t, the weights are set to θ_{t−1} + δ' with δ = θ_t − θ_{t−1}. It must run before any
 * listener that reads the weights (the capture then windows the modified updates); the optimizer's moments are left as
 * they are, so only the weights carry the intervention.
 */
public final class UpdateProjector implements TrainingListener {
    private final GroupWeights weights;
    private final GapCollapseProjection projection;
    private double[] previous;

    /**
     * Reads θ now as the weights the first update starts from.
     *
     * @param parameters all the model's parameters by stable name
     * @param selection  the group the projection's directions live in
     */
    public UpdateProjector(List<NamedParameter> parameters, ParameterGroup.Selection selection, GapCollapseProjection projection) {
        this.weights = new GroupWeights(parameters, selection);
        if (weights.size() != projection.dimension()) {
            throw new IllegalArgumentException("group '" + selection.group() + "' has " + weights.size() + " weights, the directions "
                    + projection.dimension());
        }
        this.projection = projection;
        this.previous = weights.read();
    }

    @Override
    public void afterStep(StepContext context) {
        double[] theta = weights.read();
        double[] delta = new double[theta.length];
        for (int i = 0; i < theta.length; i++) delta[i] = theta[i] - previous[i];
        projection.apply(delta);
        for (int i = 0; i < theta.length; i++) theta[i] = previous[i] + delta[i];
        weights.write(theta);
        previous = theta;
    }
}
