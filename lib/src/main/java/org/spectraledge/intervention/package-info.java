/**
 * Interventions on training that test the framework's causal claims: the gap collapse of framework §6
 * ({@link org.spectraledge.intervention.GapCollapseProjection} on each update, {@link org.spectraledge.intervention.CollapseStudy}
 * over branch points and positions, {@link org.spectraledge.intervention.CollapseSummary} for the Gap Maximality verdict).
 * Above {@code run} (it branches a {@code TrainSession}); used by {@code plot} and the command line.
 */
package org.spectraledge.intervention;
