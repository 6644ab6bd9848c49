package io.github.devpayls.ls.store;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.internal.RetryExecutor;
import java.time.Clock;
import java.time.Duration;
import io.github.devpayls.ls.internal.TokenExpirationRule;
import java.time.Instant;
import java.util.Optional;

/**
 * The activation lifecycle of one desktop product: what the product may use now, getting a new
 * credential set with the customer's activation key, and giving up a set the application learned
 * is no longer accepted.
 *
 * <pre>{@code
 * DesktopActivation activation = DesktopActivation.builder()
 *         .client(client).store(store)
 *         .productKey(ProductKey.of("6883959E")).productToken(productToken)
 *         .tokenExpiration(Duration.ofDays(30))
 *         .build();
 * if (activation.current() instanceof NoUsableCredentials none) {
 *     // show none.detail(), send the customer to the activation page, then:
 *     ActivationResult result = activation.activate(ActivationKey.of(typedByCustomer));
 * }
 * }</pre>
 *
 * <p>States, as {@link #current()} reports them: nothing stored ({@code NONE_STORED}); a usable
 * set ({@link StoredCredentials}); the set's token expired by the {@code TokenExpiration} requested
 * at activation ({@code EXPIRED}); the application {@link #invalidate(String) invalidated} it,
 * e.g. after S3 rejected the user token ({@code INVALIDATED}); or the stored entry is damaged
 * ({@code INCOMPLETE}, {@code CORRUPTED}, ...). Every state but the usable one needs an activation.
 *
 * <p><b>The subscription gate.</b> The License Service issues the credential set as soon as the key
 * is valid, even while the customer's payment card is still being vetted, and a product must not
 * use it for S3 until the customer is subscribed. A usable set from {@link #current()} means
 * "activated"; {@link StoredCredentials#subscription()} says whether a verification said
 * subscribed ({@link SubscriptionStatus#SUBSCRIBED}) or the set is still pending.
 * {@link #verify()} asks the service (VerifyProductSubscriptionByTokens) and records the answer
 * with the set; {@link #awaitSubscription(Duration)} polls right after activation;
 * {@link #ensureSubscribed(Duration)} is the check on every launch; {@link #refresh()} keeps the
 * user token current.
 *
 * <pre>{@code
 * SubscriptionCheck gate = activation.ensureSubscribed(Duration.ofHours(24));
 * if (gate.isReadyForS3()) {
 *     useS3(((StoredCredentials) activation.current()).credentials());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Concurrent {@link #activate} calls for the same product, from threads or from
 * processes sharing a file store, each store a complete set under the store's product lock; the
 * last one to finish stays stored. Secrets never appear in this class's exceptions or
 * {@code toString}.
 */
public final class DesktopActivation {

    private final LicenseServiceClient client;
    private final CredentialStore store;
    private final ProductKey productKey;
    private final ProductToken productToken;
    private final Optional<Duration> tokenExpiration;
    private final Clock clock;
    private final SubscriptionPolling polling;
    private final RetryExecutor.Sleeper sleeper;

    private DesktopActivation(Builder builder) {
        this.polling = builder.polling;
        this.sleeper = builder.sleeper;
        this.client = builder.client;
        this.store = builder.store;
        this.productKey = builder.productKey;
        this.productToken = builder.productToken;
        this.tokenExpiration = builder.tokenExpiration;
        this.clock = builder.clock;
    }

    /** @return a builder; client, store, product key and product token are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What the product may use now.
     *
     * @return the stored, usable set, or {@link NoUsableCredentials} saying why activation is needed
     */
    public CredentialLookup current() {
        return store.read(productKey);
    }

    /**
     * Calls ActivateDesktopProduct with the key and, only when the service issued a set, stores it
     * in place of the old one. The old set stays stored until the new one is durably written, so a
     * rejection, a missing answer or a failed write leaves it untouched.
     *
     * @param activationKey the key the customer copied from the product's activation page
     * @return the service's answer: {@link ActivationResult.Activated} (already stored) or
     *         {@link ActivationResult.Rejected} with the action to take (nothing stored)
     * @throws InvalidInputException    when the key is missing, before anything is sent
     * @throws NoAnswerException        unchanged from the client, when the service gave no usable answer
     * @throws CredentialStoreException when the store cannot be written ({@link CredentialStore#checkWritable},
     *                                  before anything is sent), or when the new set could not be stored
     *                                  after all; either way the old set is still there
     */
    public ActivationResult activate(ActivationKey activationKey) {
        ActivationRequest request = ActivationRequest.of(activationKey, productToken);
        if (tokenExpiration.isPresent()) {
            request = request.withTokenExpiration(tokenExpiration.get());
        }
        // Before sending: a set the service issues into an unwritable store would be lost.
        store.checkWritable(productKey);
        // The service call happens outside the store's lock: a slow network must not block readers
        // or other products' writers, and the lock is only needed for the swap.
        ActivationResult result = client.activateDesktopProduct(request);
        if (result instanceof ActivationResult.Activated activated) {
            store.replace(productKey, CredentialEntry.activated(
                    productKey, activated.credentials(), clock.instant(), tokenExpiration));
        }
        return result;
    }

    /**
     * Marks the stored set as no longer accepted (e.g. S3 rejected its user token); {@link #current()}
     * then says {@code INVALIDATED} until the next successful {@link #activate}.
     *
     * @param reason why, in words, one line; never a secret
     * @return what {@link #current()} returns afterwards
     * @throws InvalidInputException    when the reason is blank, too long or spans lines
     * @throws CredentialStoreException when the mark could not be written
     */
    public CredentialLookup invalidate(String reason) {
        return store.markInvalid(productKey, reason);
    }

    /**
     * Marks the stored set invalid only if it is still the set that was rejected, so a set another
     * thread or process activated in the meantime stays usable.
     *
     * @param rejected the set S3 (or another service) rejected
     * @param reason   why, in words, one line; never a secret
     * @return what {@link #current()} returns afterwards
     * @throws InvalidInputException    when the set is missing, or the reason is blank, too long or spans lines
     * @throws CredentialStoreException when the mark could not be written
     */
    public CredentialLookup invalidate(DesktopCredentials rejected, String reason) {
        if (rejected == null) {
            throw new InvalidInputException("rejected", "is required");
        }
        Invalidation mark = new Invalidation(reason, clock.instant());
        return store.update(productKey, lookup -> lookup instanceof StoredCredentials stored
                && stored.credentials().equals(rejected)
                ? Optional.of(stored.entry().invalidated(mark))
                : Optional.empty());
    }

    /**
     * Asks the service whether the customer of the stored set is subscribed, and records a
     * subscribed or not-subscribed answer, with its time, in the stored entry (atomically with the
     * set, and only if the set is still the one checked).
     *
     * @return {@link SubscriptionCheck.Verified} with the answer, or
     *         {@link SubscriptionCheck.NotActivated} when no usable set is stored (nothing sent)
     * @throws NoAnswerException        unchanged from the client, when the service gave no usable answer
     * @throws CredentialStoreException when the answer could not be recorded
     */
    public SubscriptionCheck verify() {
        CredentialLookup lookup = store.read(productKey);
        if (!(lookup instanceof StoredCredentials stored)) {
            return new SubscriptionCheck.NotActivated((NoUsableCredentials) lookup);
        }
        SubscriptionResult answer = client.verifySubscription(stored.credentials(), productToken);
        if (answer instanceof SubscriptionResult.Rejected) {
            return new SubscriptionCheck.Verified(answer, lookup);
        }
        Verification checked = new Verification(answer.isSubscribed(), clock.instant());
        CredentialLookup now = store.update(productKey, current -> current instanceof StoredCredentials same
                && same.credentials().equals(stored.credentials())
                ? Optional.of(same.entry().verified(checked))
                : Optional.empty());
        return new SubscriptionCheck.Verified(answer, now);
    }

    /**
     * The check on every launch: trusts a recorded "subscribed" younger than {@code cacheWindow}
     * without a call, otherwise {@link #verify() verifies}.
     *
     * @param cacheWindow how long a "subscribed" answer is trusted; zero to always ask
     * @return {@link SubscriptionCheck.Cached}, {@link SubscriptionCheck.Verified} or
     *         {@link SubscriptionCheck.NotActivated}; {@link SubscriptionCheck#isReadyForS3()} is the gate
     * @throws InvalidInputException    when the window is missing or negative
     * @throws NoAnswerException        when a call was needed and the service gave no usable answer
     * @throws CredentialStoreException when the answer could not be recorded
     */
    public SubscriptionCheck ensureSubscribed(Duration cacheWindow) {
        if (cacheWindow == null || cacheWindow.isNegative()) {
            throw new InvalidInputException("cacheWindow", "must be zero or a positive duration");
        }
        CredentialLookup lookup = store.read(productKey);
        if (!(lookup instanceof StoredCredentials stored)) {
            return new SubscriptionCheck.NotActivated((NoUsableCredentials) lookup);
        }
        Instant now = clock.instant();
        boolean fresh = stored.entry().verification()
                .filter(Verification::subscribed)
                // A verification stamped in the future (the clock was set back) is not trusted.
                .filter(v -> !v.verifiedAt().isAfter(now) && now.isBefore(v.verifiedAt().plus(cacheWindow)))
                .isPresent();
        return fresh ? new SubscriptionCheck.Cached(stored) : verify();
    }

    /**
     * Polls {@link #verify()} until the service says subscribed, rejects the check, no set is
     * stored, or {@code timeout} passes on the lifecycle's clock: every
     * {@link SubscriptionPolling#interval()} while the answer is "not yet", backing off to
     * {@link SubscriptionPolling#maxInterval()} while there is no answer. The first check is made at
     * once; the last one at the timeout. One check in progress may outlast the timeout by at most the
     * client's call deadline.
     *
     * @param timeout how long to wait at most, e.g. {@link SubscriptionPolling#DEFAULT_WAIT}
     * @return the last check: ready for S3, rejected, not activated, or still not subscribed at the timeout
     * @throws InvalidInputException    when the timeout is missing or negative
     * @throws InterruptedException     when the thread is interrupted while waiting (cancel)
     * @throws NoAnswerException        when the last check at the timeout got no usable answer
     * @throws CredentialStoreException when an answer could not be recorded
     */
    public SubscriptionCheck awaitSubscription(Duration timeout) throws InterruptedException {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidInputException("timeout", "must be zero or a positive duration");
        }
        Instant deadline = clock.instant().plus(timeout);
        Duration wait = polling.interval();
        while (true) {
            SubscriptionCheck check = null;
            NoAnswerException failure = null;
            try {
                check = verify();
                wait = polling.interval();
            } catch (NoAnswerException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("awaitSubscription was interrupted");
                }
                failure = e;
                wait = polling.afterFailure(wait);
            }
            if (check != null && !(check instanceof SubscriptionCheck.Verified verified
                    && verified.answer() instanceof SubscriptionResult.NotSubscribed)) {
                return check;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                if (failure != null) {
                    throw failure;
                }
                return check;
            }
            sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
        }
    }

    /**
     * Gets the latest version of the stored set's user token (RefreshUserToken) and stores it in
     * place of the old one, atomically, keeping the key pair, activation time and verification.
     *
     * @return {@link TokenRefresh.Refreshed}, {@link TokenRefresh.Rejected} (store unchanged),
     *         {@link TokenRefresh.NotActivated} (nothing sent) or {@link TokenRefresh.Superseded}
     *         (another activation replaced the set meanwhile; the refreshed token is dropped)
     * @throws NoAnswerException        unchanged from the client, when the service gave no usable answer
     * @throws CredentialStoreException when the store cannot be written (checked before sending),
     *                                  or the new token could not be stored; the old set stays
     */
    public TokenRefresh refresh() {
        CredentialLookup lookup = store.read(productKey);
        if (!(lookup instanceof StoredCredentials stored)) {
            return new TokenRefresh.NotActivated((NoUsableCredentials) lookup);
        }
        store.checkWritable(productKey);
        RefreshResult result = client.refreshUserToken(stored.credentials(), productToken);
        if (result instanceof RefreshResult.Rejected rejected) {
            return new TokenRefresh.Rejected(rejected.error());
        }
        RefreshResult.Refreshed refreshed = (RefreshResult.Refreshed) result;
        CredentialLookup now = store.update(productKey, current -> current instanceof StoredCredentials same
                && same.credentials().equals(stored.credentials())
                ? Optional.of(same.entry().refreshed(refreshed.credentials()))
                : Optional.empty());
        if (now instanceof StoredCredentials after && after.credentials().equals(refreshed.credentials())) {
            return new TokenRefresh.Refreshed(after, refreshed.requestId());
        }
        return new TokenRefresh.Superseded(now);
    }

    /** @return the product key this lifecycle manages */
    public ProductKey productKey() {
        return productKey;
    }

    /** @return the product key and token lifetime; nothing secret */
    @Override
    public String toString() {
        return "DesktopActivation[productKey=" + productKey + ", tokenExpiration="
                + tokenExpiration.map(Duration::toString).orElse("none") + "]";
    }

    /** Configures a {@link DesktopActivation}. Not thread-safe; the lifecycle it builds is. */
    public static final class Builder {
        private LicenseServiceClient client;
        private CredentialStore store;
        private ProductKey productKey;
        private ProductToken productToken;
        private Optional<Duration> tokenExpiration = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private SubscriptionPolling polling = SubscriptionPolling.defaults();
        private RetryExecutor.Sleeper sleeper = delay -> Thread.sleep(delay.toMillis());

        private Builder() {
        }

        /**
         * @param polling how {@link DesktopActivation#awaitSubscription(Duration)} paces its checks;
         *                default {@link SubscriptionPolling#defaults()} (30 s, backing off to 5 min)
         * @return this builder
         */
        public Builder subscriptionPolling(SubscriptionPolling polling) {
            this.polling = polling;
            return this;
        }

        /** Tests wait on their own clock instead of sleeping. */
        Builder sleeper(RetryExecutor.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * @param client the License Service client; shared, not closed by the lifecycle
         * @return this builder
         */
        public Builder client(LicenseServiceClient client) {
            this.client = client;
            return this;
        }

        /**
         * @param store where the product's set lives
         * @return this builder
         */
        public Builder store(CredentialStore store) {
            this.store = store;
            return this;
        }

        /**
         * @param productKey the product's entry in the store, e.g. its product code
         * @return this builder
         */
        public Builder productKey(ProductKey productKey) {
            this.productKey = productKey;
            return this;
        }

        /**
         * @param productToken the product's token, sent with every activation
         * @return this builder
         */
        public Builder productToken(ProductToken productToken) {
            this.productToken = productToken;
            return this;
        }

        /**
         * @param tokenExpiration the lifetime to request for each user token (positive, whole
         *                        seconds); stored with the set so expiry is judged locally.
         *                        {@code null} or never set: none, the token never expires
         * @return this builder
         * @throws InvalidInputException when it is not positive or not whole seconds
         */
        public Builder tokenExpiration(Duration tokenExpiration) {
            this.tokenExpiration = Optional.ofNullable(tokenExpiration)
                    .map(expiration -> TokenExpirationRule.check("tokenExpiration", expiration));
            return this;
        }

        /**
         * @param clock stamps activations and invalidations; default the system UTC clock. Use the
         *              store's clock, so that stamps and expiry judgements agree
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @return the lifecycle
         * @throws InvalidInputException naming a missing setting or an invalid token lifetime
         */
        public DesktopActivation build() {
            requireSet("client", client);
            requireSet("store", store);
            requireSet("productKey", productKey);
            requireSet("productToken", productToken);
            requireSet("clock", clock);
            requireSet("subscriptionPolling", polling);
            requireSet("sleeper", sleeper);
            // Checked now rather than at the first activation: a bad lifetime is a configuration error.
            if (tokenExpiration.filter(d -> d.isNegative() || d.isZero() || d.getNano() != 0).isPresent()) {
                throw new InvalidInputException("tokenExpiration", "must be a positive whole number of seconds");
            }
            return new DesktopActivation(this);
        }

        private static void requireSet(String field, Object value) {
            if (value == null) {
                throw new InvalidInputException(field, "is required");
            }
        }
    }
}
