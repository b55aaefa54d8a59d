/**
 * The busy-polling model: {@link io.iobench.server.busypoll.BusyPollModel} serves every connection from one
 * thread that polls non-blocking sockets in a loop, with no select, poll or epoll. It is the latency floor and the
 * CPU ceiling of the models: always one full core, whatever the load.
 */
package io.iobench.server.busypoll;
