/**
 * A License Service simulator for tests and demos: the generated service interface implemented
 * over CXF and Jetty, answering all six operations from one in-memory, seeded model, with
 * HTTPS by a throwaway CA and per-instance fault injection. Start one with
 * {@link io.github.devpayls.ls.simulator.LicenseServiceSimulator#builder()}.
 *
 * <p>This package depends only on the contract (the generated stubs) and the project's fixed
 * facts, never on the client facade, so it can stand in for the real service in any test.
 * It needs {@code cxf-rt-transports-http-jetty} and {@code bcpkix-jdk18on} on the class path;
 * the library declares both optional.
 *
 * <p>Null policy: no method accepts or returns {@code null} unless its Javadoc says so; optional
 * values are {@link java.util.Optional}.
 */
package io.github.devpayls.ls.simulator;
