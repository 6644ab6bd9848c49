package io.github.devpayls.ls.simulator.junit;

import io.github.devpayls.ls.contract.EndpointClientFactory;
import java.net.URI;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stand-in client factory registered for the tests, so the SPI is tested without the client module. */
public final class RecordingClientFactory implements EndpointClientFactory<RecordingClientFactory.RecordingClient> {

    /** What the factory was given, and whether the extension closed it. */
    public record RecordingClient(URI endpoint, Optional<KeyStore> trustStore, AtomicBoolean closed)
            implements AutoCloseable {
        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Override
    public Class<RecordingClient> clientType() {
        return RecordingClient.class;
    }

    @Override
    public RecordingClient create(URI endpoint, Optional<KeyStore> trustStore) {
        return new RecordingClient(endpoint, trustStore, new AtomicBoolean());
    }
}
