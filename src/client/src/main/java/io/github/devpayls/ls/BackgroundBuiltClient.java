package io.github.devpayls.ls;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The client {@link LicenseServiceClient.Builder#buildInBackground()} returns: the real client is
 * built on a daemon thread, and every call waits for it. A failed build is kept and reported on
 * every call as an {@link IllegalStateException} whose cause is what {@code build()} would have
 * thrown, so it is never lost on the background thread.
 */
final class BackgroundBuiltClient implements LicenseServiceClient {

    /** The build thread's name, as thread dumps and profilers show it. */
    static final String THREAD_NAME = "devpay-ls-client-build";

    private final URI endpoint;
    private final CompletableFuture<LicenseServiceClient> built = new CompletableFuture<>();
    private volatile boolean closed;

    private BackgroundBuiltClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param endpoint the checked endpoint (known before the build ends)
     * @param build    builds the real client from settings already checked
     * @return the client, its build started
     */
    static BackgroundBuiltClient start(URI endpoint, Supplier<LicenseServiceClient> build) {
        BackgroundBuiltClient client = new BackgroundBuiltClient(endpoint);
        Thread thread = new Thread(() -> {
            try {
                client.built.complete(build.get());
            } catch (Throwable failure) {
                // Kept for the first call: a failure that only a log line saw would be lost.
                client.built.completeExceptionally(failure);
            }
        }, THREAD_NAME);
        // Building holds no resource worth a JVM's exit waiting for.
        thread.setDaemon(true);
        thread.start();
        return client;
    }

    private LicenseServiceClient client(String operation) {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        try {
            return built.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportFailureException(TransportFailureException.Kind.INTERRUPTED,
                    operation + " was interrupted while waiting for the client to be built", false, 0, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the client could not be built (see the cause)", e.getCause());
        }
    }

    @Override
    public ActivationResult activateDesktopProduct(ActivationKey activationKey, ProductToken productToken) {
        return client("ActivateDesktopProduct").activateDesktopProduct(activationKey, productToken);
    }

    @Override
    public ActivationResult activateDesktopProduct(ActivationRequest request) {
        return client("ActivateDesktopProduct").activateDesktopProduct(request);
    }

    @Override
    public SubscriptionResult verifySubscription(DesktopCredentials credentials, ProductToken productToken) {
        return client("VerifyProductSubscriptionByTokens").verifySubscription(credentials, productToken);
    }

    @Override
    public RefreshResult refreshUserToken(DesktopCredentials credentials, ProductToken productToken) {
        return client("RefreshUserToken").refreshUserToken(credentials, productToken);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        closed = true;
        // Now if the build is done, else when it ends; a failed build has nothing to close.
        built.thenAccept(LicenseServiceClient::close);
    }

    @Override
    public String toString() {
        return "LicenseServiceClient[" + endpoint + (built.isDone() ? "" : ", building") + "]";
    }
}
