/**
 * The spectral-edge Jupyter kernel: Java cells run by JShell inside the kernel's JVM.
 *
 * <p>How the parts fit, top to bottom. Each package uses only those below it ({@code KernelLayeringTest} checks):
 * the command line ({@code org.spectraledge.cli}) on top; the kernel, the headless runners and the installer; the
 * session; the magics and {@code %maven}'s resolver; option parsing shared by the command line and the magics
 * ({@code org.spectraledge.options}); the runtime cells call; renderers; JShell execution at the bottom.
 * <ul>
 *   <li>{@link org.spectraledge.kernel.KernelMain} reads the connection file, installs the exit guard,
 *       starts the kernel and serves until a shutdown request.</li>
 *   <li>{@code connection}: jjava's sockets, with shell and control replaced by channels that drop
 *       badly signed messages instead of dying.</li>
 *   <li>{@link org.spectraledge.kernel.SpectralEdgeKernel}: the only class that speaks jjava's kernel
 *       API; it turns requests into calls on our own classes, keeps the cells' history ({@code CellHistory})
 *       and starts the session on its own thread so that {@code kernel_info} is answered at once.</li>
 *   <li>{@code stream}: what cells print, batched, rate-limited with a marker that counts what was held back, and
 *       sent in the order written ({@code StreamPublisher}); the headless runner keeps every line.</li>
 *   <li>{@code session}: {@code NotebookSession}, what the kernel and the two runners share: JShell with
 *       the startup imports, the magics and the renderers; a cell's source in, its outcome out, its
 *       displays to whichever {@code CellOutputs} the host gives.</li>
 *   <li>{@code headless}: {@code spectral-edge run} (a notebook executed in-process and written back as
 *       nbformat 4) and {@code spectral-edge script} (a {@code .jsh} file, images written as PNGs).</li>
 *   <li>{@code magics}: a cell is Java plus {@code %magic} lines ({@code CellRunner}); the general
 *       magics are {@code %lsmagic}, {@code %time}, {@code %%time}, {@code %classpath}, and
 *       {@code %load}, {@code %help}, {@code %maven} ({@code SessionMagics}).</li>
 *   <li>{@code maven}: Maven Resolver as Maven 3 wires it, for {@code %maven}: the user's
 *       {@code settings.xml} (local repository, offline, mirrors) and Maven's own default for Central.</li>
 *   <li>{@code execution}: JShell with values kept as real objects, snippets on their own thread
 *       (interrupt, then stop), tracebacks in cell lines, completion and inspection. Class path isolation
 *       ({@code NotebookClassPath}): cells compile against and load from the notebook API only (the library,
 *       its dependencies, the kernel's display types); the jars the kernel alone needs (jjava, ZeroMQ, Maven
 *       Resolver, ...), known from lists written at build time, stay hidden. Jars added with {@code %classpath}
 *       or {@code %maven} are child-first for the classes they contain, so the notebook's version wins.</li>
 *   <li>{@code runtime}: what cells call. {@code Display} is the notebook API that {@code startup.jsh}
 *       star-imports; it reaches the session through the {@code Notebook} interface, which the session implements,
 *       so the runtime never depends on what runs it.</li>
 *   <li>{@code display}: renderers for XChart, Tablesaw, Markdown, LaTeX and progress frames.</li>
 *   <li>{@code install}: the kernelspec installer (no Python needed) and the class-data archive it writes
 *       for a faster kernel start ({@code ClassArchive}).</li>
 * </ul>
 */
package org.spectraledge.kernel;
