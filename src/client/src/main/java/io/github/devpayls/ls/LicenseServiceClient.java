package io.github.devpayls.ls;

import io.github.devpayls.ls.internal.ClientConfiguration;
import io.github.devpayls.ls.internal.ClientDefaults;
import io.github.devpayls.ls.internal.CxfLicenseServiceClient;
import io.github.devpayls.ls.internal.EndpointRule;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.internal.TlsTrust;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import io.github.devpayls.ls.internal.RetryExecutor;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A client for the Amazon DevPay License Service. Build one per endpoint and share it: it is
 * thread-safe, holds one connection pool and one SOAP proxy, and is expensive to build (CXF starts
 * up) but cheap to call. Close it when the application shuts down.
 *
 * <pre>{@code
 * try (LicenseServiceClient client = LicenseServiceClient.builder().build()) {
 *     ActivationResult result = client.activateDesktopProduct(ActivationKey.of(typed), productToken);
 * }
 * }</pre>
 *
 * <p>Outcomes: an answer from the service is an {@link ActivationResult}, a
 * {@link SubscriptionResult} or a {@link RefreshResult}; no answer is a {@link NoAnswerException};
 * bad input is an {@link InvalidInputException}, raised before anything is sent.
 */
public interface LicenseServiceClient extends AutoCloseable {

    /** @return a builder with the defaults described on each of its methods */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Activates a desktop product for a customer; the issued user token never expires.
     *
     * @param activationKey the key the customer copied from the activation page
     * @param productToken  the product's token
     * @return {@link ActivationResult.Activated} with the credential set, or
     *         {@link ActivationResult.Rejected} with the service's error and the action to take
     * @throws InvalidInputException when an argument is missing, before anything is sent
     * @throws NoAnswerException     when the service gave no usable answer
     * @throws IllegalStateException when the client is closed
     */
    ActivationResult activateDesktopProduct(ActivationKey activationKey, ProductToken productToken);

    /**
     * Activates a desktop product for a customer, with the options of the request.
     *
     * @param request the key, the product token and the optional user-token expiration
     * @return {@link ActivationResult.Activated} with the credential set, or
     *         {@link ActivationResult.Rejected} with the service's error and the action to take
     * @throws InvalidInputException when the request is missing, before anything is sent
     * @throws NoAnswerException     when the service gave no usable answer
     * @throws IllegalStateException when the client is closed
     */
    ActivationResult activateDesktopProduct(ActivationRequest request);

    /**
     * Asks whether the customer whose credentials these are is subscribed to the product
     * (VerifyProductSubscriptionByTokens, a REST-Query call signed with the customer's own secret
     * access key). Activation succeeds before the customer's card is vetted: a product must not use
     * the credentials for Amazon S3 until this answers {@link SubscriptionResult.Subscribed}.
     *
     * @param credentials  the set ActivateDesktopProduct issued
     * @param productToken the product's token
     * @return {@link SubscriptionResult.Subscribed}, {@link SubscriptionResult.NotSubscribed} (also
     *         for the error code {@code UserNotSubscribed}), or {@link SubscriptionResult.Rejected}
     * @throws InvalidInputException when an argument is missing, before anything is sent
     * @throws NoAnswerException     when the service gave no usable answer
     * @throws IllegalStateException when the client is closed
     */
    SubscriptionResult verifySubscription(DesktopCredentials credentials, ProductToken productToken);

    /**
     * Gets the latest version of the customer's user token (RefreshUserToken over REST-Query, signed
     * with the customer's secret access key, the product token sent as {@code AdditionalTokens}).
     *
     * @param credentials  the stored set
     * @param productToken the product's token
     * @return {@link RefreshResult.Refreshed} with a complete new set (same key pair, new token), or
     *         {@link RefreshResult.Rejected}
     * @throws InvalidInputException when an argument is missing, before anything is sent
     * @throws NoAnswerException     when the service gave no usable answer; a refresh that may have
     *                               reached the service is not resent unless the retry policy allows it
     * @throws IllegalStateException when the client is closed
     */
    RefreshResult refreshUserToken(DesktopCredentials credentials, ProductToken productToken);

    /** @return the endpoint this client calls */
    URI endpoint();

    /**
     * Releases the client's connections. Calls in flight on other threads end at once (they do not
     * wait for their answer or timeout) with a {@link TransportFailureException} of kind
     * {@link TransportFailureException.Kind#CLOSED}, whose {@code requestMayHaveReachedService()}
     * is {@code false} only when the attempt had not started sending; they are not retried.
     * {@code close()} does not wait for them to return. Calls made afterwards fail with
     * {@link IllegalStateException}; closing twice is harmless.
     */
    @Override
    void close();

    /**
     * Configures a {@link LicenseServiceClient}. Every option has a default; {@link #build()}
     * checks them all. Not thread-safe; build once, then share the client.
     */
    final class Builder {
        private URI endpoint = URI.create(LicenseServiceFacts.DEFAULT_ENDPOINT);
        private TlsTrust trust = TlsTrust.jdkDefault();
        private Duration connectTimeout = ClientDefaults.DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = ClientDefaults.DEFAULT_REQUEST_TIMEOUT;
        private Duration callDeadline = ClientDefaults.DEFAULT_CALL_DEADLINE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean logSoapMessages;
        private boolean allowInsecureLoopback;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param endpoint the service's address; default {@code https://ls.amazonaws.com/}. Must be
         *                 https, unless {@link #allowInsecureLoopback(boolean)} admits http to loopback
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * @param endpoint the service's address as text
         * @return this builder
         * @throws InvalidInputException when it is not a URI
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = EndpointRule.parse(endpoint);
            return this;
        }

        /**
         * Trusts only the CA certificates in a PEM file (for example a test service's own CA).
         * Replaces any other trust setting; default: the JDK's trusted CAs.
         *
         * @param pemFile a file holding one or more {@code -----BEGIN CERTIFICATE-----} blocks
         * @return this builder
         */
        public Builder trustPemCertificates(Path pemFile) {
            this.trust = TlsTrust.pemFile(pemFile);
            return this;
        }

        /**
         * Trusts only the certificates in a key store. Replaces any other trust setting.
         *
         * @param trustStore a loaded key store holding trusted certificates
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trust = TlsTrust.keyStore(trustStore);
            return this;
        }

        /**
         * Uses a ready TLS context, for full control (client certificates, protocols). Replaces
         * any other trust setting.
         *
         * @param sslContext an initialised context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.trust = TlsTrust.sslContext(sslContext);
            return this;
        }

        /**
         * @param connectTimeout longest wait for a connection; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * @param requestTimeout longest wait for one answer once connected; default 30 s
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * @param callDeadline longest a whole call may take, retries and waits included; default 60 s
         * @return this builder
         */
        public Builder callDeadline(Duration callDeadline) {
            this.callDeadline = callDeadline;
            return this;
        }

        /**
         * @param retryPolicy when to try again; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Logs every SOAP request and response at DEBUG on the logger
         * {@code io.github.devpayls.ls.soap}, with activation keys, user tokens and secret keys
         * masked. Default off: even masked, message logs are for diagnosis, not production.
         *
         * @param enabled whether to log messages
         * @return this builder
         */
        public Builder logSoapMessages(boolean enabled) {
            this.logSoapMessages = enabled;
            return this;
        }

        /**
         * Admits an {@code http://} endpoint on a loopback address (127.0.0.0/8, ::1, localhost),
         * for a local simulator. Default off; never admits http to any other host.
         *
         * @param allowed whether plain HTTP to loopback is allowed
         * @return this builder
         */
        public Builder allowInsecureLoopback(boolean allowed) {
            this.allowInsecureLoopback = allowed;
            return this;
        }

        /**
         * @param clock the clock that stamps the {@code Expires} of every signed REST-Query attempt
         *              (now + 15 minutes); default the system UTC clock. For tests of clock skew
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Checks the settings and builds the client. No network I/O happens here: the SOAP
         * contract comes from the classpath.
         *
         * @return a ready client
         * @throws InvalidInputException naming the setting that is wrong, e.g. a non-https endpoint
         */
        public LicenseServiceClient build() {
            return checked().open();
        }

        /**
         * Checks the settings now and builds the client on a background thread, for an application
         * that starts building during its own start-up: building costs most of a second in a fresh
         * JVM (CXF, the JAXB context, TLS), and the first call then waits only for what is left of
         * it. Calls wait for the build to end (without a time limit: it does no network I/O);
         * {@link LicenseServiceClient#endpoint()} and {@code close()} do not.
         *
         * <p>A build that fails on the background thread is not lost: every call then throws an
         * {@link IllegalStateException} whose cause is what {@link #build()} would have thrown. A
         * call whose thread is interrupted while it waits throws a {@link TransportFailureException}
         * of kind {@code INTERRUPTED} (nothing sent), the interrupt flag kept.
         *
         * @return a client whose calls wait for the build
         * @throws InvalidInputException naming the setting that is wrong, at once, like {@link #build()}
         */
        public LicenseServiceClient buildInBackground() {
            Checked checked = checked();
            return BackgroundBuiltClient.start(checked.configuration().endpoint(), checked::open);
        }

        private Checked checked() {
            URI checked = EndpointRule.check(endpoint, allowInsecureLoopback);
            ClientConfiguration configuration = new ClientConfiguration(checked, trust, connectTimeout,
                    requestTimeout, callDeadline, retryPolicy, logSoapMessages);
            if (clock == null) {
                throw new InvalidInputException("clock", "is required");
            }
            return new Checked(configuration, clock);
        }

        /** Settings that passed every check, ready to build a client from. */
        private record Checked(ClientConfiguration configuration, Clock clock) {
            LicenseServiceClient open() {
                return CxfLicenseServiceClient.open(configuration,
                        RetryExecutor.system(configuration.retryPolicy(), configuration.callDeadline()), clock);
            }
        }
    }
}
