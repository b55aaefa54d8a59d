/**
 * The {@code netty-nio} model: Netty 4.2's NIO transport on the JDK's Selector, running the echo server of the
 * native Netty models, so that what netty-epoll and netty-io-uring gain is measured against Netty itself.
 */
package io.iobench.server.nio;
