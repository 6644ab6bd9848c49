package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.XmlLimits;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.SubscriptionResult;
import java.time.Clock;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.contract.generated.AmazonLSPortType;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.namespace.QName;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The client over CXF: one JAX-WS proxy built from the classpath contract on the shared bus, with
 * CXF's URLConnection conduit chosen for this client only (it is many times cheaper per call than
 * CXF's default conduit, and the JVM-wide switch would change every other CXF client). Per-call
 * values (timeouts cut to the deadline, the attempt's {@link AttemptTrace}) travel in the proxy's
 * thread-local request context, which keeps the one proxy safe to call from many threads.
 */
public final class CxfLicenseServiceClient implements LicenseServiceClient {

    private static final String OPERATION = "ActivateDesktopProduct";

    /** Selects {@link URLConnectionHTTPConduit} through the endpoint-info property CXF's HTTP transport consults first. */
    private static final HTTPConduitFactory URL_CONNECTION_CONDUITS =
            (transport, bus, endpointInfo, target) -> new URLConnectionHTTPConduit(bus, endpointInfo, target);

    private final URI endpoint;
    private final AmazonLSPortType port;
    private final Client cxfClient;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryExecutor retries;
    private final RestQueryTransport rest;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InFlightAttempts inFlight = new InFlightAttempts();

    private CxfLicenseServiceClient(ClientConfiguration configuration, RetryExecutor retries, Clock clock) {
        this.endpoint = configuration.endpoint();
        this.rest = new RestQueryTransport(configuration, retries, clock, inFlight);
        this.connectTimeout = configuration.connectTimeout();
        this.requestTimeout = configuration.requestTimeout();
        this.retries = retries;

        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(SharedBus.get());
        factory.setServiceClass(AmazonLSPortType.class);
        factory.setAddress(endpoint.toString());
        URL wsdl = CxfLicenseServiceClient.class.getClassLoader()
                .getResource(LicenseServiceFacts.WSDL_CLASSPATH_LOCATION);
        // The WSDL ships in the jar; read from there, never fetched. Were it missing, CXF would build
        // the same model from the SEI's annotations.
        if (wsdl != null) {
            factory.setWsdlURL(wsdl.toExternalForm());
            factory.setServiceName(new QName(LicenseServiceFacts.NAMESPACE, LicenseServiceFacts.SERVICE_NAME));
            factory.setEndpointName(new QName(LicenseServiceFacts.NAMESPACE, LicenseServiceFacts.PORT_NAME));
        }
        Map<String, Object> properties = new HashMap<>(XmlLimits.asCxfProperties());
        // Let non-500 error responses (a 503 in particular) reach the in-chain, so AttemptTrace sees
        // their status and Retry-After instead of CXF throwing before anything reads them.
        properties.put(HTTPConduit.NO_IO_EXCEPTIONS, Boolean.TRUE);
        // CXF would log its in-chain failures at WARN with texts that can quote a response body.
        properties.put(FaultListener.class.getName(), new ScrubbingFaultListener());
        // Answers grow (spec, "Contract evolution"): unknown elements are skipped and counted, not fatal.
        properties.put(UnknownContent.CXF_PROPERTY, UnknownContent.forCxf());
        factory.setProperties(properties);
        factory.getFeatures().add(new LeanInterceptorChain());
        factory.getInInterceptors().add(new AttemptTrace.Recorder());
        // Error bodies CXF cannot read as SOAP 1.1 faults (SOAP 1.2, REST ErrorResponse, undeclared prefix).
        factory.getInInterceptors().add(new ErrorBodies.Reader());
        factory.getInInterceptors().add(new UnknownContent.MustUnderstand());
        factory.getInInterceptors().add(new UnknownContent.Attributes());
        factory.getInInterceptors().add(new UnknownContent.Summary());
        factory.getInFaultInterceptors().add(new AttemptTrace.FaultMarker());
        factory.getOutInterceptors().add(new AttemptTrace.ConnectionCatcher());
        factory.getOutInterceptors().add(new FixedLengthRequest());
        if (configuration.logSoapMessages()) {
            // The in-chain logs every response, faults included, before CXF decides it is a fault.
            factory.getOutInterceptors().add(SoapMessageLog.outbound());
            factory.getInInterceptors().add(SoapMessageLog.inbound());
        }
        // CXF's INFO line about building the service model stays out of the consumer's log.
        this.port = QuietServiceModel.build(() -> factory.create(AmazonLSPortType.class));
        this.cxfClient = ClientProxy.getClient(port);
        cxfClient.getEndpoint().getEndpointInfo().setProperty(HTTPConduitFactory.class.getName(), URL_CONNECTION_CONDUITS);
        configureConduit((HTTPConduit) cxfClient.getConduit(), configuration);
        // Straight on the CXF client, not through the JAX-WS BindingProvider view: that view keeps a
        // "scopes" map inside the context, which a shallow per-thread copy would share between threads.
        cxfClient.setThreadLocalRequestContext(true);
    }

    /**
     * @param configuration checked settings
     * @return a client that really sleeps between retries
     */
    public static CxfLicenseServiceClient open(ClientConfiguration configuration) {
        return open(configuration, RetryExecutor.system(configuration.retryPolicy(), configuration.callDeadline()));
    }

    /**
     * @param configuration checked settings
     * @param retries       the retry executor to use (tests inject one that does not sleep)
     * @return the client
     */
    static CxfLicenseServiceClient open(ClientConfiguration configuration, RetryExecutor retries) {
        return open(configuration, retries, Clock.systemUTC());
    }

    /**
     * @param configuration checked settings
     * @param retries       the retry executor to use
     * @param clock         stamps the {@code Expires} of every REST-Query attempt
     * @return the client
     */
    public static CxfLicenseServiceClient open(ClientConfiguration configuration, RetryExecutor retries, Clock clock) {
        if (clock == null) {
            throw new InvalidInputException("clock", "is required");
        }
        return new CxfLicenseServiceClient(configuration, retries, clock);
    }

    private static void configureConduit(HTTPConduit conduit, ClientConfiguration configuration) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(configuration.connectTimeout().toMillis());
        policy.setReceiveTimeout(configuration.requestTimeout().toMillis());
        // A redirect would resend the activation key somewhere the caller did not choose.
        policy.setAutoRedirect(false);
        // Never chunked: FixedLengthRequest sends every request with its Content-Length, streamed.
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        if ("https".equalsIgnoreCase(configuration.endpoint().getScheme())) {
            TLSClientParameters tls = new TLSClientParameters();
            // One factory for the client's lifetime: the trust it was given, TLS 1.2+ only.
            tls.setSSLSocketFactory(configuration.trust().socketFactory());
            conduit.setTlsClientParameters(tls);
        }
    }

    @Override
    public ActivationResult activateDesktopProduct(ActivationKey activationKey, ProductToken productToken) {
        return activateDesktopProduct(ActivationRequest.of(activationKey, productToken));
    }

    @Override
    public ActivationResult activateDesktopProduct(ActivationRequest request) {
        if (request == null) {
            throw new InvalidInputException("request", "is required");
        }
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        var body = ActivationMessages.toBody(request);
        List<String> secrets = List.of(request.activationKey().reveal());
        return retries.execute(OPERATION, (attempt, remaining) -> attempt(body, secrets, remaining));
    }

    private AttemptOutcome<ActivationResult> attempt(io.github.devpayls.ls.contract.generated.ActivateDesktopProduct body,
                                                     List<String> secrets, Duration remaining) {
        Map<String, Object> context = cxfClient.getRequestContext();
        AttemptTrace head = new AttemptTrace(secrets, System.nanoTime() + remaining.toNanos());
        AttemptTimeouts timeouts = AttemptTimeouts.of(requestTimeout, connectTimeout, remaining);
        boolean deadlineBound = timeouts.deadlineBound();
        long receiveMillis = timeouts.receiveMillis();
        long connectMillis = timeouts.connectMillis();
        context.put(AttemptTrace.KEY, head);
        context.put(Message.RECEIVE_TIMEOUT, receiveMillis);
        context.put(Message.CONNECTION_TIMEOUT, connectMillis);
        InFlightAttempts.Watch watch = inFlight.begin(head, remaining);
        try {
            var response = port.activateDesktopProduct(body);
            try {
                ActivationResult.Activated activated = ActivationMessages.toActivated(response);
                return new AttemptOutcome.Answered<>(activated, head.status(), Optional.of(activated.requestId()));
            } catch (ActivationMessages.ContractViolation violation) {
                int status = head.status();
                String message = OPERATION + ": " + violation.getMessage();
                return new AttemptOutcome.Failed<>(attempts -> new ProtocolFailureException(message, attempts, status,
                        violation.requestId(), null), AttemptOutcome.Delivery.ANSWERED_INVALIDLY, status,
                        violation.requestId());
            }
        } catch (SOAPFaultException fault) {
            if (!head.soapFaultRead()) {
                // CXF reports its own failures (connect, parse, content type) as SOAP faults too.
                return failure(fault, head, receiveMillis, deadlineBound, secrets);
            }
            return serviceSaidNo(FaultTranslator.translate(fault.getFault(), secrets), head);
        } catch (WebServiceException | org.apache.cxf.interceptor.Fault failure) {
            return failure(failure, head, receiveMillis, deadlineBound, secrets);
        } catch (RuntimeException failure) {
            if (head.aborted().isEmpty()) {
                throw failure;
            }
            // An attempt cut off by close() may fail inside the CXF client being destroyed (a bare
            // NullPointerException, for one); it is the abandoned call's outcome all the same.
            return FailureClassifier.classify(failure, head, OPERATION, receiveMillis, deadlineBound, secrets);
        } finally {
            watch.close();
            context.remove(AttemptTrace.KEY);
        }
    }

    private AttemptOutcome<ActivationResult> serviceSaidNo(ServiceError error, AttemptTrace head) {
        int status = head.status();
        if (status == LicenseServiceFacts.THROTTLED_HTTP_STATUS || error.retryable()) {
            return new AttemptOutcome.Unavailable<>(status, Optional.of(error), error.requestId(), retryAfter(head));
        }
        return new AttemptOutcome.Answered<>(new ActivationResult.Rejected(error), status, error.requestId());
    }

    private AttemptOutcome<ActivationResult> failure(RuntimeException failure, AttemptTrace head, long receiveMillis,
                                                     boolean deadlineBound, List<String> secrets) {
        Optional<ServiceError> errorBody = ErrorBodies.Translated.in(failure);
        if (errorBody.isPresent()) {
            // An error answer CXF could not read as a fault, read by ErrorBodies on the way in.
            return serviceSaidNo(errorBody.get(), head);
        }
        if (FailureClassifier.isRedirect(head.status())) {
            // Its body (empty, HTML) is no SOAP; what matters is where it pointed.
            return FailureClassifier.redirected(OPERATION, head, secrets);
        }
        if (head.status() == LicenseServiceFacts.THROTTLED_HTTP_STATUS) {
            // Throttling may come with any body (HTML, empty, garbage); the status alone decides.
            return new AttemptOutcome.Unavailable<>(head.status(), Optional.empty(), Optional.empty(), retryAfter(head));
        }
        return FailureClassifier.classify(failure, head, OPERATION, receiveMillis, deadlineBound, secrets);
    }

    private Optional<Duration> retryAfter(AttemptTrace head) {
        return head.retryAfter().flatMap(retries::parseRetryAfter);
    }

    @Override
    public SubscriptionResult verifySubscription(DesktopCredentials credentials, ProductToken productToken) {
        checkRestCall(credentials, productToken);
        return rest.verify(credentials, productToken);
    }

    @Override
    public RefreshResult refreshUserToken(DesktopCredentials credentials, ProductToken productToken) {
        checkRestCall(credentials, productToken);
        return rest.refresh(credentials, productToken);
    }

    private void checkRestCall(DesktopCredentials credentials, ProductToken productToken) {
        if (credentials == null) {
            throw new InvalidInputException("credentials", "is required");
        }
        if (productToken == null) {
            throw new InvalidInputException("productToken", "is required");
        }
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Calls in flight end at once with TransportFailureException CLOSED, before CXF is torn down.
            inFlight.closeAll();
            cxfClient.destroy();
        }
    }

    @Override
    public String toString() {
        return "LicenseServiceClient[" + endpoint + "]";
    }
}
