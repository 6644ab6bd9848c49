package io.github.devpayls.ls;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.time.Duration;

/**
 * The one helper for simulator-backed clients in this module's tests (ls, internal, reliability,
 * store): builders that trust the simulator's throwaway CA, quick retry policies and inputs.
 */
public final class SimulatorBackedClients {

    private SimulatorBackedClients() {
    }

    /** @return a builder aimed at the simulator, trusting only its throwaway CA */
    public static LicenseServiceClient.Builder trusting(LicenseServiceSimulator sim) {
        return LicenseServiceClient.builder()
                .endpoint(sim.endpoint())
                .trustPemCertificates(sim.caCertificatePem().orElseThrow());
    }

    /** @return a policy of that many attempts whose waits are a few milliseconds at most */
    public static RetryPolicy quickRetries(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(4)).build();
    }

    /** @return a key minted now for the product, valid for an hour of the simulator's clock */
    public static ActivationKey freshKey(LicenseServiceSimulator sim, FixtureProduct product) {
        return ActivationKey.of(sim.mintActivationKey(product.productCode()));
    }

    /** @return the product's token */
    public static ProductToken token(FixtureProduct product) {
        return ProductToken.of(product.productToken());
    }
}
