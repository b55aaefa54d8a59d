/** The {@code netty-io-uring} model: Netty 4.2's io_uring transport, running netty-epoll's echo server. */
package io.iobench.server.iouring;
