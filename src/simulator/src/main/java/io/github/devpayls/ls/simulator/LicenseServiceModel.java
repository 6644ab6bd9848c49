package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The simulated service's whole state: products, customers, activation keys, issued user tokens
 * and credential sets, and subscriptions. Knows nothing of SOAP: operations take and return plain
 * values and say "no" with {@link ServiceRefusal}. Thread-safe (one lock; the state is tiny).
 */
final class LicenseServiceModel {

    /** A product the service knows. */
    record Product(String code, String token) {
    }

    /** A customer; every key, token and subscription belongs to one. */
    record Customer(String id, String persistentIdentifier) {
    }

    /** What {@code ActivateHostedProduct} returns. */
    record HostedActivation(String userToken, String persistentIdentifier) {
    }

    private record KeyRecord(String productCode, String customerId, Instant createdAt) {
    }

    /**
     * One version of a user token. {@code keyPair} is the access key id of the credential set it
     * belongs to (empty for hosted products); {@code chain} names the first version, which every
     * refreshed version shares; {@code replacedAt} is when a newer version was issued.
     */
    private record UserTokenRecord(String customerId, String productCode, Optional<Duration> lifetime,
                                   Optional<Instant> expiresAt, Optional<String> keyPair, String chain,
                                   Optional<Instant> replacedAt) {

        UserTokenRecord replaced(Instant at) {
            return new UserTokenRecord(customerId, productCode, lifetime, expiresAt, keyPair, chain, Optional.of(at));
        }
    }

    /**
     * A customer's subscription to a product: active from {@code activeFrom} (empty while vetting
     * is held until {@link #activateNow}), unless cancelled. A declined card is a customer's, so it
     * is kept per customer.
     */
    private record Subscription(Optional<Instant> activeFrom, boolean cancelled) {
    }

    private record CustomerProduct(String customerId, String productCode) {
    }

    private final Clock clock;
    private final Duration vettingDelay;
    private final Duration refreshGracePeriod;
    private final SeededValues values;
    private final SimulatorFixtures fixtures;
    private final Customer demoCustomer;

    private final Map<String, Product> productsByCode = new LinkedHashMap<>();
    private final Map<String, Product> productsByToken = new HashMap<>();
    private final Map<String, Customer> customersById = new HashMap<>();
    private final Map<String, Customer> customersByPid = new HashMap<>();
    private final Map<String, KeyRecord> keys = new HashMap<>();
    private final Map<String, UserTokenRecord> userTokens = new HashMap<>();
    private final Map<String, IssuedCredentials> issuedByRequestId = new HashMap<>();
    private final Map<CustomerProduct, List<IssuedCredentials>> issuedByCustomerProduct = new HashMap<>();
    private final Map<String, IssuedCredentials> issuedByAccessKey = new HashMap<>();
    private final Map<String, String> latestTokenByChain = new HashMap<>();
    private final Map<CustomerProduct, Subscription> subscriptions = new HashMap<>();
    private final Set<String> declinedCustomers = new HashSet<>();

    LicenseServiceModel(long seed, Clock clock, Duration vettingDelay) {
        this(seed, clock, vettingDelay, SimulatorFacts.DEFAULT_REFRESH_GRACE_PERIOD);
    }

    LicenseServiceModel(long seed, Clock clock, Duration vettingDelay, Duration refreshGracePeriod) {
        this.clock = clock;
        this.vettingDelay = vettingDelay;
        this.refreshGracePeriod = refreshGracePeriod;
        this.values = new SeededValues(seed);
        // Fixtures are drawn first and in a fixed order, so they depend on the seed alone.
        this.demoCustomer = new Customer(values.customerId(), values.persistentIdentifier());
        customersById.put(demoCustomer.id(), demoCustomer);
        customersByPid.put(demoCustomer.persistentIdentifier(), demoCustomer);
        Instant now = clock.instant();
        Instant longAgo = now.minus(LicenseServiceFacts.ACTIVATION_KEY_LIFETIME)
                .minus(SimulatorFacts.EXPIRED_KEY_EXTRA_AGE);
        List<FixtureProduct> fixtureProducts = new ArrayList<>();
        for (int i = 0; i < SimulatorFacts.FIXTURE_PRODUCT_COUNT; i++) {
            Product product = new Product(values.productCode(), values.productToken());
            productsByCode.put(product.code(), product);
            productsByToken.put(product.token(), product);
            String validKey = newKey(product.code(), demoCustomer.id(), now);
            String expiredKey = newKey(product.code(), demoCustomer.id(), longAgo);
            fixtureProducts.add(new FixtureProduct(product.code(), product.token(), validKey, expiredKey));
        }
        // Drawn after the products, so adding them left every earlier fixture value as it was.
        FixtureCustomer subscribed = fixtureCustomer(fixtureProducts.get(0), Optional.of(now));
        FixtureCustomer pending = fixtureCustomer(fixtureProducts.get(0), Optional.empty());
        this.fixtures = new SimulatorFixtures(seed, fixtureProducts, demoCustomer.id(), subscribed, pending);
    }

    /** A customer who activated {@code product} before start, subscribed from {@code activeFrom}. */
    private FixtureCustomer fixtureCustomer(FixtureProduct product, Optional<Instant> activeFrom) {
        Customer customer = new Customer(values.customerId(), values.persistentIdentifier());
        customersById.put(customer.id(), customer);
        customersByPid.put(customer.persistentIdentifier(), customer);
        IssuedCredentials issued = issueCredentials(values.requestId(), customer.id(),
                product.productCode(), Optional.empty());
        subscriptions.put(new CustomerProduct(customer.id(), product.productCode()), new Subscription(activeFrom, false));
        return new FixtureCustomer(customer.id(), product.productCode(), issued.userToken(), issued.accessKeyId(),
                issued.secretAccessKey());
    }

    /** @return the simulator's clock's current instant (REST-Query expiry follows it) */
    Instant now() {
        return clock.instant();
    }

    SimulatorFixtures fixtures() {
        return fixtures;
    }

    /** A fresh request id (every response and fault carries one). */
    String newRequestId() {
        return values.requestId();
    }

    /** Fractional fault injection draws from the same seeded source. */
    SeededValues values() {
        return values;
    }

    /** A new key for the demo customer, created now, so reactivation stays with one customer. */
    synchronized String mintActivationKey(String productCode) {
        if (!productsByCode.containsKey(productCode)) {
            throw new IllegalArgumentException("unknown product code: " + productCode);
        }
        return newKey(productCode, demoCustomer.id(), clock.instant());
    }

    synchronized IssuedCredentials activateDesktopProduct(String requestId, String activationKey, String productToken,
                                                          javax.xml.datatype.Duration tokenExpiration) {
        Optional<Duration> lifetime = checkParameters(activationKey, productToken, tokenExpiration);
        KeyRecord key = checkActivation(activationKey, productToken);
        return issueCredentials(requestId, key.customerId(), key.productCode(), lifetime);
    }

    /** A new credential set: a user token bound to a new key pair. */
    private IssuedCredentials issueCredentials(String requestId, String customerId, String productCode,
                                               Optional<Duration> lifetime) {
        String accessKeyId = values.accessKeyId();
        String userToken = issueUserToken(customerId, productCode, lifetime, Optional.of(accessKeyId), Optional.empty());
        IssuedCredentials issued = new IssuedCredentials(requestId, productCode, customerId,
                userToken, accessKeyId, values.secretAccessKey(), userTokens.get(userToken).expiresAt());
        issuedByRequestId.put(requestId, issued);
        issuedByAccessKey.put(accessKeyId, issued);
        issuedByCustomerProduct.computeIfAbsent(new CustomerProduct(customerId, productCode),
                ignored -> new ArrayList<>()).add(issued);
        return issued;
    }

    synchronized HostedActivation activateHostedProduct(String activationKey, String productToken,
                                                        javax.xml.datatype.Duration tokenExpiration) {
        Optional<Duration> lifetime = checkParameters(activationKey, productToken, tokenExpiration);
        KeyRecord key = checkActivation(activationKey, productToken);
        String userToken = issueUserToken(key.customerId(), key.productCode(), lifetime, Optional.empty(),
                Optional.empty());
        return new HostedActivation(userToken, customersById.get(key.customerId()).persistentIdentifier());
    }

    /** A new user token for the same customer and product, with the same lifetime from now. */
    synchronized String refreshUserToken(String userToken, List<String> additionalTokens) {
        UserTokenRecord record = liveUserToken("UserToken", userToken, ErrorCode.INVALID_PARAMETER_VALUE);
        for (String additional : additionalTokens) {
            liveUserToken("AdditionalTokens", additional, ErrorCode.INVALID_PARAMETER_VALUE);
        }
        return nextVersion(record);
    }

    /**
     * @param accessKeyId the {@code AWSAccessKeyId} of a signed REST-Query request
     * @return the credential set that key pair belongs to, empty when the simulator issued none
     */
    synchronized Optional<IssuedCredentials> credentialsOf(String accessKeyId) {
        return Optional.ofNullable(issuedByAccessKey.get(accessKeyId));
    }

    /**
     * VerifyProductSubscriptionByTokens as a desktop product sends it over REST-Query, signed with
     * the key pair of {@code accessKeyId} (already authenticated).
     *
     * @return whether the customer is subscribed now; {@code false} while vetting, declined or cancelled
     */
    synchronized boolean verifyByKeyPair(String accessKeyId, String userToken, String productToken) {
        UserTokenRecord record = tokenOfKeyPair(accessKeyId, userToken);
        requireProductOf(record, productToken);
        return isSubscribed(record.customerId(), record.productCode());
    }

    /**
     * RefreshUserToken as a desktop product sends it over REST-Query: {@code AdditionalTokens} must
     * hold the product token of the user token's product.
     *
     * @return the new version of the user token
     */
    synchronized String refreshByKeyPair(String accessKeyId, String userToken, List<String> additionalTokens) {
        UserTokenRecord record = tokenOfKeyPair(accessKeyId, userToken);
        if (additionalTokens.isEmpty()) {
            throw new ServiceRefusal(ErrorCode.MISSING_PARAMETER, String.format(
                    SimulatorFacts.MESSAGE_MISSING_PARAMETER, "AdditionalTokens") + " "
                    + SimulatorFacts.MESSAGE_DESKTOP_REFRESH_NEEDS_PRODUCT_TOKEN);
        }
        for (String additional : additionalTokens) {
            requireProductOf(record, additional);
        }
        return nextVersion(record);
    }

    synchronized boolean verifyProductSubscriptionByTokens(String userToken, String productToken) {
        requireParameter("UserToken", userToken);
        requireParameter("ProductToken", productToken);
        Product product = productByToken(productToken);
        UserTokenRecord record = liveUserToken("UserToken", userToken, ErrorCode.INVALID_PARAMETER_VALUE);
        return isSubscribed(record.customerId(), product.code());
    }

    synchronized boolean verifyProductSubscriptionByPid(String persistentIdentifier, String productCode) {
        requireParameter("PersistentIdentifier", persistentIdentifier);
        requireParameter("ProductCode", productCode);
        Customer customer = customerByPid(persistentIdentifier);
        if (!productsByCode.containsKey(productCode)) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE, SimulatorFacts.MESSAGE_UNKNOWN_PRODUCT_CODE);
        }
        return isSubscribed(customer.id(), productCode);
    }

    /** The codes of the customer's active subscriptions, in the order the products were created. */
    synchronized List<String> activeSubscriptions(String persistentIdentifier) {
        requireParameter("PersistentIdentifier", persistentIdentifier);
        Customer customer = customerByPid(persistentIdentifier);
        return productsByCode.keySet().stream().filter(code -> isSubscribed(customer.id(), code)).toList();
    }

    synchronized Optional<IssuedCredentials> issuedFor(String requestId) {
        return Optional.ofNullable(issuedByRequestId.get(requestId));
    }

    synchronized List<IssuedCredentials> issuedFor(String customerId, String productCode) {
        return List.copyOf(issuedByCustomerProduct.getOrDefault(new CustomerProduct(customerId, productCode), List.of()));
    }

    /** Missing parameters first, then the optional {@code TokenExpiration}, as the service checks. */
    private Optional<Duration> checkParameters(String activationKey, String productToken,
                                               javax.xml.datatype.Duration tokenExpiration) {
        requireParameter("ActivationKey", activationKey);
        requireParameter("ProductToken", productToken);
        return tokenLifetime(tokenExpiration);
    }

    /**
     * Reads {@code TokenExpiration}: absent means the token never expires; zero or negative is
     * refused. Years and months count from now.
     */
    private Optional<Duration> tokenLifetime(javax.xml.datatype.Duration tokenExpiration) {
        if (tokenExpiration == null) {
            return Optional.empty();
        }
        long millis = tokenExpiration.getTimeInMillis(Date.from(clock.instant()));
        if (tokenExpiration.getSign() <= 0 || millis <= 0) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE,
                    SimulatorFacts.MESSAGE_TOKEN_EXPIRATION_NOT_POSITIVE);
        }
        return Optional.of(Duration.ofMillis(millis));
    }

    /** The checks both activations share, in the order the service reports them. */
    private KeyRecord checkActivation(String activationKey, String productToken) {
        Product product = productByToken(productToken);
        KeyRecord key = keys.get(activationKey);
        if (key == null) {
            throw new ServiceRefusal(ErrorCode.INVALID_ACTIVATION_KEY, SimulatorFacts.MESSAGE_INVALID_ACTIVATION_KEY);
        }
        Instant now = clock.instant();
        if (!now.isBefore(key.createdAt().plus(LicenseServiceFacts.ACTIVATION_KEY_LIFETIME))) {
            throw new ServiceRefusal(ErrorCode.EXPIRED_ACTIVATION_KEY, SimulatorFacts.MESSAGE_EXPIRED_ACTIVATION_KEY);
        }
        if (!key.productCode().equals(product.code())) {
            throw new ServiceRefusal(ErrorCode.INCORRECT_ACTIVATION_KEY,
                    SimulatorFacts.MESSAGE_INCORRECT_ACTIVATION_KEY);
        }
        // Activation succeeds while the card is vetted; the vetting delay starts counting now.
        subscriptions.putIfAbsent(new CustomerProduct(key.customerId(), key.productCode()),
                new Subscription(Optional.of(now.plus(vettingDelay)), false));
        return key;
    }

    private String newKey(String productCode, String customerId, Instant createdAt) {
        String key = values.activationKey();
        keys.put(key, new KeyRecord(productCode, customerId, createdAt));
        return key;
    }

    /** Issues a user token; {@code chain} empty starts a new chain named after the token itself. */
    private String issueUserToken(String customerId, String productCode, Optional<Duration> lifetime,
                                  Optional<String> keyPair, Optional<String> chain) {
        String token = values.userToken();
        Optional<Instant> expiresAt = lifetime.map(clock.instant()::plus);
        String chainName = chain.orElse(token);
        userTokens.put(token, new UserTokenRecord(customerId, productCode, lifetime, expiresAt, keyPair, chainName,
                Optional.empty()));
        latestTokenByChain.put(chainName, token);
        return token;
    }

    /** The next version of a token's chain; the version it replaces keeps working for the grace period. */
    private String nextVersion(UserTokenRecord record) {
        String latest = latestTokenByChain.get(record.chain());
        userTokens.computeIfPresent(latest, (token, current) -> current.replacedAt().isPresent() ? current
                : current.replaced(clock.instant()));
        return issueUserToken(record.customerId(), record.productCode(), record.lifetime(), record.keyPair(),
                Optional.of(record.chain()));
    }

    /** The token, if it belongs to the key pair and still works; every other case is {@code InvalidUserToken}. */
    private UserTokenRecord tokenOfKeyPair(String accessKeyId, String userToken) {
        requireParameter("UserToken", userToken);
        UserTokenRecord record = userTokens.get(userToken);
        if (record == null || !record.keyPair().equals(Optional.of(accessKeyId))) {
            throw new ServiceRefusal(ErrorCode.INVALID_USER_TOKEN,
                    String.format(SimulatorFacts.MESSAGE_USER_TOKEN_OF_OTHER_KEY_PAIR, accessKeyId));
        }
        return liveUserToken("UserToken", userToken, ErrorCode.INVALID_USER_TOKEN);
    }

    private void requireProductOf(UserTokenRecord record, String productToken) {
        requireParameter("ProductToken", productToken);
        Product product = productByToken(productToken);
        if (!product.code().equals(record.productCode())) {
            throw new ServiceRefusal(ErrorCode.INVALID_PRODUCT_TOKEN, SimulatorFacts.MESSAGE_PRODUCT_TOKEN_OF_OTHER_PRODUCT);
        }
    }

    /** The token, unless unknown, expired, or replaced longer than the grace period ago ({@code error} then). */
    private UserTokenRecord liveUserToken(String parameter, String userToken, ErrorCode error) {
        requireParameter(parameter, userToken);
        UserTokenRecord record = userTokens.get(userToken);
        if (record == null) {
            throw new ServiceRefusal(error, String.format(SimulatorFacts.MESSAGE_UNKNOWN_USER_TOKEN, parameter));
        }
        Instant now = clock.instant();
        if (record.expiresAt().filter(expiry -> !now.isBefore(expiry)).isPresent()) {
            throw new ServiceRefusal(error, String.format(SimulatorFacts.MESSAGE_EXPIRED_USER_TOKEN, parameter));
        }
        if (record.replacedAt().filter(at -> !now.isBefore(at.plus(refreshGracePeriod))).isPresent()) {
            throw new ServiceRefusal(error, String.format(SimulatorFacts.MESSAGE_REPLACED_USER_TOKEN, parameter));
        }
        return record;
    }

    private Product productByToken(String productToken) {
        Product product = productsByToken.get(productToken);
        if (product == null) {
            throw new ServiceRefusal(ErrorCode.INVALID_PRODUCT_TOKEN, SimulatorFacts.MESSAGE_INVALID_PRODUCT_TOKEN);
        }
        return product;
    }

    private Customer customerByPid(String persistentIdentifier) {
        Customer customer = customersByPid.get(persistentIdentifier);
        if (customer == null) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE,
                    SimulatorFacts.MESSAGE_UNKNOWN_PERSISTENT_IDENTIFIER);
        }
        return customer;
    }

    private boolean isSubscribed(String customerId, String productCode) {
        return subscriptionState(customerId, productCode) == SubscriptionState.ACTIVE;
    }

    synchronized SubscriptionState subscriptionState(String customerId, String productCode) {
        Subscription subscription = subscriptions.get(new CustomerProduct(customerId, productCode));
        if (subscription == null) {
            return SubscriptionState.NONE;
        }
        if (subscription.cancelled()) {
            return SubscriptionState.CANCELLED;
        }
        if (declinedCustomers.contains(customerId)) {
            return SubscriptionState.DECLINED;
        }
        Instant now = clock.instant();
        return subscription.activeFrom().filter(from -> !now.isBefore(from)).isPresent()
                ? SubscriptionState.ACTIVE : SubscriptionState.PENDING;
    }

    /** The customer's card is declined: none of its subscriptions, current or future, becomes active. */
    synchronized void decline(String customerId) {
        requireCustomer(customerId);
        declinedCustomers.add(customerId);
    }

    /** Ends vetting now; a declined card or a cancelled subscription is refused. */
    synchronized void activateNow(String customerId, String productCode) {
        CustomerProduct key = existingSubscription(customerId, productCode);
        SubscriptionState state = subscriptionState(customerId, productCode);
        if (state == SubscriptionState.DECLINED || state == SubscriptionState.CANCELLED) {
            throw new IllegalStateException("the subscription of customer " + customerId + " to " + productCode
                    + " is " + state + " and cannot become active");
        }
        subscriptions.put(key, new Subscription(Optional.of(clock.instant()), false));
    }

    /** Cancels the subscription; Verify answers {@code false} from now on. */
    synchronized void cancel(String customerId, String productCode) {
        CustomerProduct key = existingSubscription(customerId, productCode);
        subscriptions.put(key, new Subscription(subscriptions.get(key).activeFrom(), true));
    }

    private CustomerProduct existingSubscription(String customerId, String productCode) {
        requireCustomer(customerId);
        CustomerProduct key = new CustomerProduct(customerId, productCode);
        if (!subscriptions.containsKey(key)) {
            throw new IllegalArgumentException("customer " + customerId + " has no subscription to " + productCode);
        }
        return key;
    }

    private void requireCustomer(String customerId) {
        if (!customersById.containsKey(customerId)) {
            throw new IllegalArgumentException("unknown customer: " + customerId);
        }
    }

    private static void requireParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ServiceRefusal(ErrorCode.MISSING_PARAMETER,
                    String.format(SimulatorFacts.MESSAGE_MISSING_PARAMETER, name));
        }
    }
}
