/**
 * A JUnit 5 interpreter for SoapUI 5.x project files, so that the project's SoapUI conformance
 * suites ({@code soapui/}) run in the normal build against the simulator: suites and cases become
 * dynamic containers and tests, request steps are sent over HTTP(S), and SoapUI's assertion types
 * are checked with SoapUI's semantics. Test code only; not part of the library.
 *
 * <p>Null policy: no method accepts or returns {@code null}; optional values are
 * {@link java.util.Optional}.
 */
package io.github.devpayls.ls.soapui;
