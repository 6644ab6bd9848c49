package io.github.devpayls.ls.benchmarks;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;

/** This project's client with its default settings, as docs/client.md shows it. */
final class FacadeCaller implements ActivationCaller {

    private final LicenseServiceClient client;
    private final ActivationRequest request;

    FacadeCaller(Target target) {
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(target.endpoint());
        target.caCertificate().ifPresentOrElse(builder::trustPemCertificates, () -> builder.allowInsecureLoopback(true));
        this.client = builder.build();
        this.request = ActivationRequest.of(ActivationKey.of(target.activationKey()), ProductToken.of(target.productToken()));
    }

    @Override
    public ActivationResult activate() {
        return client.activateDesktopProduct(request);
    }

    @Override
    public void activateOnceOrFail() {
        ActivationResult result = activate();
        if (!(result instanceof ActivationResult.Activated)) {
            throw new IllegalStateException("the facade's activation was not a success: " + result);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
