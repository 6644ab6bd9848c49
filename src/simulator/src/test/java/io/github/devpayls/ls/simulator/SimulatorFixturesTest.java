package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixtures depend on the seed alone and have the real formats. */
class SimulatorFixturesTest {

    private static SimulatorFixtures fixtures(long seed, Instant now) {
        return new LicenseServiceModel(seed, Clock.fixed(now, ZoneOffset.UTC), Duration.ZERO).fixtures();
    }

    @Test
    void fixtures_forTheSameSeed_areTheSameWhateverTheClock() {
        SimulatorFixtures one = fixtures(SimulatorFixtures.DEFAULT_SEED, Instant.parse("2026-01-01T00:00:00Z"));
        SimulatorFixtures two = fixtures(SimulatorFixtures.DEFAULT_SEED, Instant.parse("2031-07-04T12:00:00Z"));

        assertThat(one).isEqualTo(two);
    }

    @Test
    void fixtures_forAnotherSeed_differ() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(fixtures(1L, now).products()).doesNotContainAnyElementsOf(fixtures(2L, now).products());
    }

    @Test
    void fixtures_holdTwoProductsInTheRealFormats() {
        SimulatorFixtures fixtures = fixtures(SimulatorFixtures.DEFAULT_SEED, Instant.now());

        assertThat(fixtures.products()).hasSize(2);
        assertThat(fixtures.products()).extracting(FixtureProduct::productCode).doesNotHaveDuplicates();
        for (FixtureProduct product : fixtures.products()) {
            assertThat(product.productCode()).matches("[0-9A-F]{8}");
            assertThat(product.productToken()).startsWith(LicenseServiceFacts.PRODUCT_TOKEN_PREFIX)
                    .hasSize(LicenseServiceFacts.PRODUCT_TOKEN_LENGTH);
            assertThat(Base64.getDecoder().decode(
                    product.productToken().substring(LicenseServiceFacts.PRODUCT_TOKEN_PREFIX.length()))).isNotEmpty();
            assertThat(product.activationKey()).matches("[A-Z2-7]{28}");
            assertThat(product.expiredActivationKey()).matches("[A-Z2-7]{28}").isNotEqualTo(product.activationKey());
            assertThat(fixtures.product(product.productCode())).isEqualTo(product);
        }
    }

    @Test
    void product_withUnknownCode_isRefused() {
        SimulatorFixtures fixtures = fixtures(SimulatorFixtures.DEFAULT_SEED, Instant.now());

        assertThatThrownBy(() -> fixtures.product("NOPE")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void fixtureProduct_toString_masksTheKeys() {
        FixtureProduct product = fixtures(SimulatorFixtures.DEFAULT_SEED, Instant.now()).products().get(0);

        assertThat(product.toString()).contains(product.productCode())
                .doesNotContain(product.activationKey()).doesNotContain(product.expiredActivationKey());
    }

    @Test
    void runningSimulators_withTheSameSeed_serveTheSameFixtures() {
        try (LicenseServiceSimulator one = LicenseServiceSimulator.builder().seed(99L).plainHttp(true).start();
             LicenseServiceSimulator two = LicenseServiceSimulator.builder().seed(99L).plainHttp(true).start()) {
            assertThat(one.fixtures()).isEqualTo(two.fixtures());
            assertThat(one.mintActivationKey(one.fixtures().products().get(1).productCode()))
                    .isEqualTo(two.mintActivationKey(two.fixtures().products().get(1).productCode()));
        }
    }
}
