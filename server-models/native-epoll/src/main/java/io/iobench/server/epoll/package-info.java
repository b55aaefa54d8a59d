/** The {@code netty-epoll} model: Netty 4.2's native epoll transport, level-triggered. */
package io.iobench.server.epoll;
