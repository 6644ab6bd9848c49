package com.example.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import io.github.devpayls.ls.simulator.junit.WithLicenseServiceSimulator;
import org.junit.jupiter.api.Test;

// One simulator for this class (HTTPS, ephemeral loopback port, throwaway CA), stopped after it;
// the injected client trusts that CA only and is closed after the class too.
@WithLicenseServiceSimulator
class ActivationTest {

    private static ActivationRequest freshRequest(LicenseServiceSimulator simulator) {
        FixtureProduct product = simulator.fixtures().products().get(0);
        return ActivationRequest.of(ActivationKey.of(simulator.mintActivationKey(product.productCode())),
                ProductToken.of(product.productToken()));
    }

    @Test
    void activate_withAFreshKey_returnsTheCredentialSet(LicenseServiceSimulator simulator,
                                                         LicenseServiceClient client) {
        ActivationResult result = client.activateDesktopProduct(freshRequest(simulator));

        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
    }

    @Test
    void activate_whenThrottledOnce_retriesAndSucceeds(LicenseServiceSimulator simulator,
                                                        LicenseServiceClient client) {
        simulator.faults().injectNext(1, InjectedFault.throttle());   // cleared after each test
        int before = simulator.requestCount();                        // the class's tests share it

        ActivationResult result = client.activateDesktopProduct(freshRequest(simulator));

        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        assertThat(simulator.requestCount() - before).isEqualTo(2);   // the 503, then the retry
    }
}
