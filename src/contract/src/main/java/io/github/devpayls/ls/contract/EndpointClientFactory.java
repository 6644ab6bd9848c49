package io.github.devpayls.ls.contract;

import java.net.URI;
import java.security.KeyStore;
import java.util.Optional;

/**
 * A service-provider interface that lets a test kit build a client of this contract for an
 * endpoint it started, without depending on the client's module: the simulator's JUnit extension
 * looks implementations up with {@link java.util.ServiceLoader} and injects the client they build
 * wherever a test declares a parameter of {@link #clientType()}. It lives in the contract because
 * both sides see the contract and neither may see the other. A client module registers its
 * implementation under {@code META-INF/services/io.github.devpayls.ls.contract.EndpointClientFactory}.
 *
 * <p>Implementations must be public with a public no-argument constructor, as
 * {@code ServiceLoader} requires, and thread-safe.
 *
 * @param <T> the client type built
 */
public interface EndpointClientFactory<T extends AutoCloseable> {

    /** @return the type of client this factory builds (the parameter type a test declares) */
    Class<T> clientType();

    /**
     * Builds a client for a local endpoint.
     *
     * @param endpoint   the endpoint, {@code https://} or, for a loopback endpoint, {@code http://}
     * @param trustStore the only certificates to trust for {@code https://}; empty for {@code http://}
     * @return a client the caller closes
     */
    T create(URI endpoint, Optional<KeyStore> trustStore);
}
