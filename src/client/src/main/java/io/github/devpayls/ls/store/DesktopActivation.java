package io.github.devpayls.ls.store;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.ProductToken;
import java.time.Clock;
import java.time.Duration;
import io.github.devpayls.ls.internal.TokenExpirationRule;
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
 * <p><b>Activation succeeds before the card is vetted.</b> The License Service issues the
 * credential set as soon as the key is valid, even while the customer's payment card is still
 * being vetted; until the customer is subscribed, S3 calls with the set fail. A usable set from
 * {@link #current()} therefore means "activated", not "subscribed". Checking the subscription
 * (VerifyProductSubscriptionByTokens, a REST-Query call in the real service) is not part of this
 * library yet: an application that gets S3 rejections for a fresh set should tell the customer to
 * wait for the subscription to be confirmed rather than reactivate at once.
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

    private DesktopActivation(Builder builder) {
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

        private Builder() {
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
