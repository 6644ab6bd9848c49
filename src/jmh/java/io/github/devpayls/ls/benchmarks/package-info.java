/**
 * JMH benchmarks and the cold-start probe for the client, against the simulator in a separate JVM
 * on loopback (docs/performance.md). Built only with the {@code benchmarks} Maven profile; never
 * part of {@code verify}.
 *
 * <p>Null policy: no method takes or returns {@code null}.
 */
package io.github.devpayls.ls.benchmarks;
