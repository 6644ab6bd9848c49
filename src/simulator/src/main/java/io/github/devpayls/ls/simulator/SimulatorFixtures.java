package io.github.devpayls.ls.simulator;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The demo data a simulator creates at start: the same products, tokens and keys for the same
 * seed, whatever the clock says (only the keys' creation times follow the clock).
 *
 * @param seed     the seed the fixtures were derived from
 * @param products exactly two demo products
 */
public record SimulatorFixtures(long seed, List<FixtureProduct> products) {

    /** The seed a simulator uses unless told otherwise. */
    public static final long DEFAULT_SEED = SimulatorFacts.DEFAULT_SEED;

    /** Copies the product list. */
    public SimulatorFixtures {
        products = List.copyOf(products);
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
