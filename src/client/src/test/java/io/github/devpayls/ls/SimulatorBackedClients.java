package io.github.devpayls.ls;

import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;

/** Clients and inputs for tests that run the public client against a simulator over HTTPS (also used by store and CLI tests). */
public final class SimulatorBackedClients {

    private SimulatorBackedClients() {
    }

    /** @return a builder aimed at the simulator, trusting only its throwaway CA */
    public static LicenseServiceClient.Builder trusting(LicenseServiceSimulator sim) {
        return LicenseServiceClient.builder()
                .endpoint(sim.endpoint())
                .trustPemCertificates(sim.caCertificatePem().orElseThrow());
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
