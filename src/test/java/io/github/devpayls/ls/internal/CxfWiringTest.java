package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.RetryPolicy;
import java.time.Duration;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.junit.jupiter.api.Test;

class CxfWiringTest {

    static final ProductToken TOKEN = ProductToken.of("{ProductToken}AAAABBBBCCCC");
    static final ActivationKey KEY = ActivationKey.of("ADMAY7DVLJTWHJ76MMBMQEXAMPLE");

    static CxfLicenseServiceClient client(ScriptedPeer peer, RetryPolicy policy) {
        return CxfLicenseServiceClient.open(new ClientConfiguration(peer.endpoint(), TlsTrust.jdkDefault(),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), policy, true));
    }

    @Test
    void client_usesUrlConnectionConduit_andMapsSuccess() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer();
             CxfLicenseServiceClient client = client(peer, RetryPolicy.none())) {
            peer.then(ScriptedPeer.Reply.xml(200, ScriptedPeer.success("{UserToken}abc", "AKIA0000000000000000",
                    "s".repeat(40), "11111111-2222-3333-4444-555555555555")));
            assertThat(client.conduit()).isInstanceOf(URLConnectionHTTPConduit.class);
            ActivationResult result = client.activateDesktopProduct(KEY, TOKEN);
            assertThat(result).isInstanceOf(ActivationResult.Activated.class);
            System.out.println(result);
            System.out.println(peer.requests());
        }
    }
}
