/**
 * A training run as a whole: its typed configuration ({@link org.spectraledge.run.TrainConfig}), the
 * {@link org.spectraledge.run.Experiment} it builds (data, model, objective, optimizer), its
 * {@link org.spectraledge.run.RunFolder} on disk and its {@link org.spectraledge.run.Checkpoint}s.
 *
 * <h2>Ways to train, and who uses which</h2>
 * <table>
 *   <caption>Entry points</caption>
 *   <tr><th>entry point</th><th>what it gives</th><th>called by</th></tr>
 *   <tr><td>{@link org.spectraledge.run.TrainRun}</td><td>a logged, resumable run in a folder</td>
 *       <td>{@code spectral-edge train}, {@code %train}, each run of a sweep</td></tr>
 *   <tr><td>{@link org.spectraledge.run.TrainSession}</td><td>a run kept open in memory: train in phases,
 *       switch the task, probe the model</td><td>notebooks (forgetting, mode probes)</td></tr>
 *   <tr><td>{@link org.spectraledge.run.GrokTrial}</td><td>one configuration trained and its events found:
 *       one row of a per-operation or weight-decay table</td><td>notebooks, {@code GrokTrialTable}</td></tr>
 *   <tr><td>{@code sweep.Sweep}</td><td>many {@code TrainRun}s from a sweep file, one result row each</td>
 *       <td>{@code spectral-edge sweep}, {@code %sweep}</td></tr>
 *   <tr><td>{@link org.spectraledge.train.TrainingLoop}</td><td>the algorithm alone, with listeners; no folder,
 *       no capture unless you add one</td><td>all of the above, and code of your own</td></tr>
 * </table>
 */
package org.spectraledge.run;
