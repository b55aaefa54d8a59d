/**
 * Load models: when the engine sends. {@link io.iobench.client.load.ClosedLoop} keeps a fixed number of messages
 * in flight per connection; {@link io.iobench.client.load.OpenLoop} sends at a fixed total rate on an
 * {@link io.iobench.client.load.OpenLoopSchedule}, whatever the server does, so latency can be corrected for
 * coordinated omission. Each is a {@link io.iobench.client.engine.LoadModel} that gives the engine one
 * {@link io.iobench.client.engine.Pacer} per IO thread.
 */
package io.iobench.client.load;
