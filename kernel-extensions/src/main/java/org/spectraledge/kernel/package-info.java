/**
 * The spectral-edge Jupyter kernel: Java cells run by JShell inside the kernel's JVM.
 *
 * <p>How the parts fit, top to bottom:
 * <ul>
 *   <li>{@link org.spectraledge.kernel.KernelMain} reads the connection file, installs the exit guard,
 *       starts the kernel and serves until a shutdown request.</li>
 *   <li>{@code connection}: jjava's sockets, with shell and control replaced by channels that drop
 *       badly signed messages instead of dying.</li>
 *   <li>{@link org.spectraledge.kernel.SpectralEdgeKernel}: the only class that speaks jjava's kernel
 *       API; it turns requests into calls on our own classes.</li>
 *   <li>{@code magics}: a cell is Java plus {@code %magic} lines ({@code CellRunner}); the general
 *       magics are {@code %lsmagic}, {@code %time}, {@code %%time}, {@code %classpath}.</li>
 *   <li>{@code execution}: JShell with values kept as real objects, snippets on their own thread
 *       (interrupt, then stop), tracebacks in cell lines, completion and inspection.</li>
 *   <li>{@code display}: renderers for XChart, Tablesaw, Markdown and LaTeX; {@code runtime.Display}
 *       is the notebook API that {@code startup.jsh} star-imports.</li>
 *   <li>{@code install}: the kernelspec installer (no Python needed).</li>
 * </ul>
 */
package org.spectraledge.kernel;
