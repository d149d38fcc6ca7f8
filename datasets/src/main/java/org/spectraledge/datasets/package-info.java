/**
 * Seeded generators for the tasks of the spectral edge experiments (framework §8), in plain Java: the
 * results are records of int arrays and strings that {@code lib} turns into DJL arrays and Tablesaw
 * tables.
 *
 * <table>
 *   <caption>Generators</caption>
 *   <tr><th>task names</th><th>generator</th><th>result</th><th>inputs</th><th>labels</th></tr>
 *   <tr><td>add, sub, mul, div, div_odd, sq_sum, quad, quad_a, cube, cube_ab2</td>
 *       <td>{@link org.spectraledge.datasets.ModularArithmetic}</td>
 *       <td>{@link org.spectraledge.datasets.ModularDataset}</td><td>n × 2 (or 3, 4) token ids</td>
 *       <td>n results in [0, p)</td></tr>
 *   <tr><td>dyck</td><td>{@link org.spectraledge.datasets.DyckDepth}</td>
 *       <td>{@link org.spectraledge.datasets.DyckDataset}</td><td>n × L brackets</td><td>n × L depths</td></tr>
 *   <tr><td>scan</td><td>{@link org.spectraledge.datasets.Scan}</td>
 *       <td>{@link org.spectraledge.datasets.ScanDataset}</td><td>n × 10 command ids</td>
 *       <td>n × 50 action ids</td></tr>
 *   <tr><td>parity</td><td>{@link org.spectraledge.datasets.SparseParity}</td>
 *       <td>{@link org.spectraledge.datasets.ParityDataset}</td><td>n × bits</td><td>n parities</td></tr>
 * </table>
 *
 * <p>Conventions: every generator has a builder ({@code setX} required, {@code optX} optional,
 * checked in {@code build()}); the same settings and seed give the same dataset on every JVM because
 * all randomness comes from {@link org.spectraledge.datasets.SeededRandom}, the project's one generator for
 * everything seeded (the simulators of {@code lib} draw from it too; {@code java.util.SplittableRandom}
 * promises equal sequences only within one program); train and test never share
 * an example; {@link org.spectraledge.datasets.TaskName} parses the public task names and
 * {@link org.spectraledge.datasets.TaskDataset} gives sizes, vocabularies and text previews for any
 * task. Records hold their arrays without copying, so their {@code equals} compares array identity:
 * compare contents with {@link java.util.Arrays#deepEquals}.
 */
package org.spectraledge.datasets;
