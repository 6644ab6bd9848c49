package io.github.devpayls.ls.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a benchmarked client sends its activation, and with what.
 *
 * @param endpoint      the simulator's SOAP endpoint
 * @param caCertificate the PEM file of its throwaway CA, when the endpoint is HTTPS
 * @param productToken  a demo product's token
 * @param activationKey a valid key for that product (valid one hour, reusable within it)
 */
record Target(URI endpoint, Optional<Path> caCertificate, String productToken, String activationKey) {
}
