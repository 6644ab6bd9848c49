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

    private record UserTokenRecord(String customerId, String productCode, Optional<Duration> lifetime,
                                   Optional<Instant> expiresAt) {
    }

    private record CustomerProduct(String customerId, String productCode) {
    }

    private final Clock clock;
    private final Duration vettingDelay;
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
    private final Map<CustomerProduct, Instant> subscribedAt = new HashMap<>();

    LicenseServiceModel(long seed, Clock clock, Duration vettingDelay) {
        this.clock = clock;
        this.vettingDelay = vettingDelay;
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
        this.fixtures = new SimulatorFixtures(seed, fixtureProducts);
    }

    SimulatorFixtures fixtures() {
        return fixtures;
    }

    /** A fresh request id (every response and fault carries one). */
    String newRequestId() {
        return values.requestId();
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
        String userToken = issueUserToken(key.customerId(), key.productCode(), lifetime);
        IssuedCredentials issued = new IssuedCredentials(requestId, key.productCode(), key.customerId(),
                userToken, values.accessKeyId(), values.secretAccessKey(), userTokens.get(userToken).expiresAt());
        issuedByRequestId.put(requestId, issued);
        return issued;
    }

    synchronized HostedActivation activateHostedProduct(String activationKey, String productToken,
                                                        javax.xml.datatype.Duration tokenExpiration) {
        Optional<Duration> lifetime = checkParameters(activationKey, productToken, tokenExpiration);
        KeyRecord key = checkActivation(activationKey, productToken);
        String userToken = issueUserToken(key.customerId(), key.productCode(), lifetime);
        return new HostedActivation(userToken, customersById.get(key.customerId()).persistentIdentifier());
    }

    /** A new user token for the same customer and product, with the same lifetime from now. */
    synchronized String refreshUserToken(String userToken, List<String> additionalTokens) {
        UserTokenRecord record = liveUserToken("UserToken", userToken);
        for (String additional : additionalTokens) {
            liveUserToken("AdditionalTokens", additional);
        }
        return issueUserToken(record.customerId(), record.productCode(), record.lifetime());
    }

    synchronized boolean verifyProductSubscriptionByTokens(String userToken, String productToken) {
        requireParameter("UserToken", userToken);
        requireParameter("ProductToken", productToken);
        Product product = productByToken(productToken);
        UserTokenRecord record = liveUserToken("UserToken", userToken);
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
        // Activation succeeds while the card is vetted; the subscription starts counting now.
        subscribedAt.putIfAbsent(new CustomerProduct(key.customerId(), key.productCode()), now);
        return key;
    }

    private String newKey(String productCode, String customerId, Instant createdAt) {
        String key = values.activationKey();
        keys.put(key, new KeyRecord(productCode, customerId, createdAt));
        return key;
    }

    private String issueUserToken(String customerId, String productCode, Optional<Duration> lifetime) {
        String token = values.userToken();
        Optional<Instant> expiresAt = lifetime.map(clock.instant()::plus);
        userTokens.put(token, new UserTokenRecord(customerId, productCode, lifetime, expiresAt));
        return token;
    }

    private UserTokenRecord liveUserToken(String parameter, String userToken) {
        requireParameter(parameter, userToken);
        UserTokenRecord record = userTokens.get(userToken);
        if (record == null) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE,
                    String.format(SimulatorFacts.MESSAGE_UNKNOWN_USER_TOKEN, parameter));
        }
        if (record.expiresAt().filter(expiry -> !clock.instant().isBefore(expiry)).isPresent()) {
            throw new ServiceRefusal(ErrorCode.INVALID_PARAMETER_VALUE,
                    String.format(SimulatorFacts.MESSAGE_EXPIRED_USER_TOKEN, parameter));
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
        Instant since = subscribedAt.get(new CustomerProduct(customerId, productCode));
        return since != null && !clock.instant().isBefore(since.plus(vettingDelay));
    }

    private static void requireParameter(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ServiceRefusal(ErrorCode.MISSING_PARAMETER,
                    String.format(SimulatorFacts.MESSAGE_MISSING_PARAMETER, name));
        }
    }
}
