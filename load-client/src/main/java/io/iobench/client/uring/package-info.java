/**
 * io_uring through the FFM API, as much of it as the load client uses: a ring for one thread
 * ({@link io.iobench.client.uring.IoUring}) with multishot receives into provided buffers
 * ({@link io.iobench.client.uring.ProvidedBuffers}), sends and cancellations. No library: three system calls
 * and the ring layout of {@code <linux/io_uring.h>}.
 */
package io.iobench.client.uring;
