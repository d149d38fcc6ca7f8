/**
 * The spectral-edge library: the science of the framework (docs/framework.md), no Jupyter types.
 *
 * <h2>Layers</h2>
 * Each package uses only packages listed below it; {@code LayeringTest} fails on an import that points upwards or
 * closes a cycle.
 * <ol>
 *   <li>{@code sweep}: many runs from a sweep file, one result row each, in this JVM or on Apache Spark.</li>
 *   <li>{@code plot}: XChart figures of windows, runs, simulations and evidence.</li>
 *   <li>{@code evidence}: judging a precursor over a sweep's runs (alarm tables, scores at a cutoff, ROC).</li>
 *   <li>{@code intervention}: changing training to test a causal claim (the gap collapse of Gap Maximality).</li>
 *   <li>{@code run}: a run as a whole: its typed configuration, the {@code Experiment} it builds, its folder,
 *       checkpoints and resume; the ways of starting training (map in {@link org.spectraledge.run}).</li>
 *   <li>{@code theory}: simulators (signal flow, Dyson motion, spiked windows), gap-flow fits, mode probes.</li>
 *   <li>{@code table}: Tablesaw views of windows, datasets and scorecards.</li>
 *   <li>{@code capture}: parameter groups and the update capture that feeds training's parameter updates into
 *       spectral windows, as a training listener.</li>
 *   <li>{@code train}: the training loop, its listeners, optimizers and objectives; {@code train.model} the DJL
 *       models and their named parameters.</li>
 *   <li>{@code platform}: starting the engine offline and the operating-system and native settings training needs.</li>
 *   <li>{@code events}: evaluation logs, memorization, grokking and gap events, lead times.</li>
 *   <li>{@code spectral}, {@code io}, {@code stats}: the window, its Gram matrix and spectrum and everything derived
 *       from it; NumPy file formats, file and JSON error messages, output folders; statistics with intervals. Nothing here knows about training.</li>
 * </ol>
 * The {@code datasets} module sits below all of them.
 */
package org.spectraledge;
