package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.contract.EndpointClientFactory;
import java.net.URI;
import java.security.KeyStore;
import java.util.Optional;

/**
 * Builds a {@link LicenseServiceClient} for a test kit's local endpoint (the simulator's JUnit
 * extension finds it through {@link java.util.ServiceLoader}): trusting only the given store, or,
 * without one, plain HTTP on loopback. Not part of the API; public only because
 * {@code ServiceLoader} instantiates it.
 */
public final class SimulatorClientFactory implements EndpointClientFactory<LicenseServiceClient> {

    /** For {@link java.util.ServiceLoader}. */
    public SimulatorClientFactory() {
    }

    @Override
    public Class<LicenseServiceClient> clientType() {
        return LicenseServiceClient.class;
    }

    @Override
    public LicenseServiceClient create(URI endpoint, Optional<KeyStore> trustStore) {
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(endpoint);
        trustStore.ifPresentOrElse(builder::trustStore, () -> builder.allowInsecureLoopback(true));
        return builder.build();
    }
}
