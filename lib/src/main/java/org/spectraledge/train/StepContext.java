package org.spectraledge.train;

import java.util.List;

import org.spectraledge.train.model.NamedParameter;
/**
 * What a listener sees after an optimizer step: the parameters have just been updated and may be read (not
 * written).
 *
 * @param step         optimizer steps taken so far (1 after the first)
 * @param trainLoss    the batch loss of this step, before the update
 * @param gradNorm     global gradient norm before clipping
 * @param learningRate η used at this step
 * @param parameters   the model's parameters, by stable name, in layout order
 */
public record StepContext(long step, double trainLoss, double gradNorm, double learningRate, List<NamedParameter> parameters) {}
