package io.github.devpayls.ls.internal;

import java.util.List;
import java.util.Set;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.feature.AbstractFeature;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.message.Message;

/**
 * Takes out of the client's interceptor chains what CXF installs for features this contract never
 * uses, so no call runs them: attachments (MIME multipart, SOAP with Attachments, the JAXB
 * attachment hack — ActivateDesktopProduct carries none, and the service answers plain
 * {@code text/xml}), JAX-WS holders (the operation has no in/out parameters), and the two that only
 * make sense on a server ({@code ?wsdl} GET requests, a request's {@code SOAPAction}). What reads,
 * checks or translates an answer stays. Installed once per client as a CXF feature; the chains are
 * then built from the trimmed lists on every call.
 */
final class LeanInterceptorChain extends AbstractFeature {

    /** By class name: matched exactly, so a subclass someone installs on purpose is left alone. */
    private static final Set<String> UNUSED = Set.of(
            "org.apache.cxf.interceptor.AttachmentInInterceptor",
            "org.apache.cxf.interceptor.AttachmentOutInterceptor",
            "org.apache.cxf.jaxws.interceptors.SwAInInterceptor",
            "org.apache.cxf.jaxws.interceptors.SwAOutInterceptor",
            "org.apache.cxf.jaxb.attachment.JAXBAttachmentSchemaValidationHack",
            "org.apache.cxf.jaxb.attachment.JAXBAttachmentSchemaValidationHack$EndingInterceptor",
            "org.apache.cxf.jaxws.interceptors.HolderInInterceptor",
            "org.apache.cxf.jaxws.interceptors.HolderOutInterceptor",
            "org.apache.cxf.frontend.WSDLGetInterceptor",
            "org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor");

    @Override
    public void initialize(Client client, Bus bus) {
        Endpoint endpoint = client.getEndpoint();
        for (InterceptorProvider provider : List.of(client, endpoint, endpoint.getBinding(), endpoint.getService())) {
            trim(provider.getInInterceptors());
            trim(provider.getOutInterceptors());
            trim(provider.getInFaultInterceptors());
            trim(provider.getOutFaultInterceptors());
        }
    }

    private static void trim(List<Interceptor<? extends Message>> interceptors) {
        interceptors.removeIf(interceptor -> UNUSED.contains(interceptor.getClass().getName()));
    }
}
