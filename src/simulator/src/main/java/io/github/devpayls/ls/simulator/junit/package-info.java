/**
 * The simulator as a JUnit 5 test kit: {@link io.github.devpayls.ls.simulator.junit.LicenseServiceSimulatorExtension}
 * starts a simulator per test class and injects it (and, through
 * {@link io.github.devpayls.ls.contract.EndpointClientFactory}, a client that trusts it) into test
 * constructors and methods; {@link io.github.devpayls.ls.simulator.junit.ManualClock} is the clock
 * tests move by hand.
 *
 * <p>Null policy: no method accepts or returns {@code null} unless its Javadoc says so.
 */
package io.github.devpayls.ls.simulator.junit;
