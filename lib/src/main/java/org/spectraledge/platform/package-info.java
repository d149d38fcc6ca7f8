/**
 * What training needs from the machine before the first step: DJL's PyTorch engine started offline with pinned
 * thread counts ({@link org.spectraledge.platform.Engines}), native memory and allocator settings, flush-to-zero for
 * denormal floats, idle priority for background threads, and the process statistics that benchmarks read. Nothing
 * here knows about models or spectra.
 */
package org.spectraledge.platform;
