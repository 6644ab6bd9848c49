package io.github.devpayls.ls.simulator;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The demo data a simulator creates at start: the same products, tokens and keys for the same
 * seed, whatever the clock says (only the keys' creation times follow the clock).
 *
 * @param seed                 the seed the fixtures were derived from
 * @param products             exactly two demo products
 * @param activationCustomerId the customer every fixture (and minted) activation key belongs to
 * @param subscribedCustomer   a customer who activated the first product before start and is subscribed
 * @param pendingCustomer      a customer who activated the first product before start and whose card
 *                             is still being vetted, until {@link Subscriptions#activateNow} says otherwise
 */
public record SimulatorFixtures(long seed, List<FixtureProduct> products, String activationCustomerId,
                                FixtureCustomer subscribedCustomer, FixtureCustomer pendingCustomer) {

    /** The seed a simulator uses unless told otherwise. */
    public static final long DEFAULT_SEED = SimulatorFacts.DEFAULT_SEED;

    /** Copies the product list. */
    public SimulatorFixtures {
        products = List.copyOf(products);
        Objects.requireNonNull(activationCustomerId, "activationCustomerId");
        Objects.requireNonNull(subscribedCustomer, "subscribedCustomer");
        Objects.requireNonNull(pendingCustomer, "pendingCustomer");
    }

    /**
     * @param productCode a code of one of {@link #products()}
     * @return that product
     * @throws NoSuchElementException when no fixture product has that code
     */
    public FixtureProduct product(String productCode) {
        Objects.requireNonNull(productCode, "productCode");
        return products.stream()
                .filter(product -> product.productCode().equals(productCode))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no fixture product " + productCode));
    }
}
