/**
 * Text that cells print: {@link org.spectraledge.kernel.stream.StreamBuffer} holds it in the order written,
 * {@link org.spectraledge.kernel.stream.OutputThrottle} limits how much leaves and marks exactly what it held back,
 * and {@link org.spectraledge.kernel.stream.StreamPublisher} sends it to a Jupyter front end in batches. The kernel
 * publishes through all three; the headless runner uses the buffer alone (a notebook file keeps every line).
 */
package org.spectraledge.kernel.stream;
