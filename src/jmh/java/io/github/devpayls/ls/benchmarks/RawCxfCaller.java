package io.github.devpayls.ls.benchmarks;

import io.github.devpayls.ls.contract.generated.ActivateDesktopProduct;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResponse;
import io.github.devpayls.ls.contract.generated.ActivateDesktopProductResult;
import io.github.devpayls.ls.contract.generated.AmazonLS;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
import jakarta.xml.ws.BindingProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;

/**
 * What a user would write instead of the facade: a proxy of the generated SEI from the generated
 * {@code Service} class, the endpoint address in the request context, and for HTTPS the trusted CA
 * set on the conduit as CXF's client transport documentation shows. Everything else is CXF's
 * default, including its default conduit. One proxy is shared by all threads.
 *
 * <p>With {@code urlConnectionConduit} it is "bare CXF": the same proxy on CXF's
 * {@code HttpURLConnection} conduit (chosen for this client only, as the facade does), buffered as
 * the JDK sends by default, with no interceptor, validation, retry or outcome of the facade's: the
 * least a client built on CXF and the generated stubs pays, the bound the facade is compared with.
 */
final class RawCxfCaller implements ActivationCaller {

    private final AmazonLSPortType port;
    private final Client client;
    private final ActivateDesktopProduct body;

    RawCxfCaller(Target target) throws IOException, GeneralSecurityException {
        this(target, false);
    }

    RawCxfCaller(Target target, boolean urlConnectionConduit) throws IOException, GeneralSecurityException {
        this.port = new AmazonLS().getAmazonLSPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                target.endpoint().toString());
        this.client = ClientProxy.getClient(port);
        if (urlConnectionConduit) {
            // Before the conduit exists: CXF's HTTP transport consults this endpoint property first.
            HTTPConduitFactory urlConnection = (transport, bus, endpointInfo, address) ->
                    new URLConnectionHTTPConduit(bus, endpointInfo, address);
            client.getEndpoint().getEndpointInfo().setProperty(HTTPConduitFactory.class.getName(), urlConnection);
        }
        if (target.caCertificate().isPresent()) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setSslContext(TrustedCa.sslContext(target.caCertificate().get()));
            ((HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        }
        this.body = new ActivateDesktopProduct();
        body.setActivationKey(target.activationKey());
        body.setProductToken(target.productToken());
    }

    @Override
    public ActivateDesktopProductResponse activate() {
        return port.activateDesktopProduct(body);
    }

    @Override
    public void activateOnceOrFail() {
        ActivateDesktopProductResult result = activate().getActivateDesktopProductResult();
        if (result == null || result.getSecretAccessKey() == null) {
            throw new IllegalStateException("the raw CXF activation issued no credentials");
        }
    }

    /** @return the conduit's class, to show which one CXF chose by default */
    String conduitName() {
        return client.getConduit().getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.destroy();
    }
}
