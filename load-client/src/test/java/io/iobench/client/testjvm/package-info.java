/** Test support: an iobench command run in a JVM of its own, as another host would run it. */
package io.iobench.client.testjvm;
