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
        this(builder(target).build(), target);
    }

    private FacadeCaller(LicenseServiceClient client, Target target) {
        this.client = client;
        this.request = ActivationRequest.of(ActivationKey.of(target.activationKey()), ProductToken.of(target.productToken()));
    }

    private static LicenseServiceClient.Builder builder(Target target) {
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(target.endpoint());
        target.caCertificate().ifPresentOrElse(builder::trustPemCertificates, () -> builder.allowInsecureLoopback(true));
        return builder;
    }

    /** @return a caller whose client is built in the background (LicenseServiceClient.Builder#buildInBackground) */
    static FacadeCaller inBackground(Target target) {
        return new FacadeCaller(builder(target).buildInBackground(), target);
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
