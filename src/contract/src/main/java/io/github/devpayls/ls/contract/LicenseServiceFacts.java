package io.github.devpayls.ls.contract;

import java.time.Duration;
import java.util.List;

/**
 * Every fixed fact about the License Service that the code relies on, in one place. Values marked
 * <em>decided</em> were not documented by the service; this project pinned them (see the README,
 * "The contract") and changing one here changes it everywhere — client, simulator and CLI. The
 * error codes are in {@link ErrorCode}, the fault format in {@link AwsSoapFault}, the parser
 * limits in {@link XmlLimits}.
 */
public final class LicenseServiceFacts {

    private LicenseServiceFacts() {
    }

    /** The API version, also the last path segment of the namespace. Known. */
    public static final String API_VERSION = "2008-04-28";

    /** Target namespace of every request, response and result element. Known. */
    public static final String NAMESPACE = "http://ls.amazonaws.com/doc/2008-04-28/";

    /** The production endpoint (retired). Known. */
    public static final String DEFAULT_ENDPOINT = "https://ls.amazonaws.com/";

    /** Namespace of the {@code aws:} prefix of SOAP fault codes. Decided (AWS SOAP convention). */
    public static final String AWS_FAULT_NAMESPACE = "http://webservices.amazon.com/AWSFault/2005-15-09";

    /** The SOAP 1.1 envelope namespace: the binding is SOAP 1.1. Decided. */
    public static final String SOAP11_ENVELOPE_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

    /**
     * The TLS floor of both sides: the only protocol versions the client offers and the simulator
     * accepts, whatever the JVM would allow. Older versions are broken; the service required TLS.
     */
    public static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Local name of the fault-detail element carrying the request id. Decided. */
    public static final String FAULT_DETAIL_REQUEST_ID = "RequestId";

    /** HTTP status of every SOAP fault (the SOAP 1.1 rule). Decided. */
    public static final int SOAP_FAULT_HTTP_STATUS = 500;

    /** HTTP status of throttling. Known. */
    public static final int THROTTLED_HTTP_STATUS = 503;

    /** Service, port type, binding and port names of the WSDL. Decided. */
    public static final String SERVICE_NAME = "AmazonLS";
    public static final String PORT_TYPE_NAME = "AmazonLSPortType";
    public static final String BINDING_NAME = "AmazonLSBinding";
    public static final String PORT_NAME = "AmazonLSPort";

    /** Classpath location of the shipped WSDL (its XSD import resolves beside it). */
    public static final String WSDL_CLASSPATH_LOCATION = "META-INF/devpay-ls/wsdl/AmazonLS.wsdl";

    /** Classpath location of the shipped XSD. */
    public static final String XSD_CLASSPATH_LOCATION = "META-INF/devpay-ls/xsd/AmazonLS.xsd";

    /** Activation keys expire this long after creation. Known. */
    public static final Duration ACTIVATION_KEY_LIFETIME = Duration.ofHours(1);

    /** Length of activation keys seen in real values (base32-style, uppercase). Known. */
    public static final int ACTIVATION_KEY_LENGTH = 28;

    /**
     * Longest activation key the client accepts. The documented maximum is 30 and "may increase",
     * so the client only refuses absurd lengths. Decided.
     */
    public static final int ACTIVATION_KEY_MAX_LENGTH = 128;

    /** Prefix of every product token. Known. */
    public static final String PRODUCT_TOKEN_PREFIX = "{ProductToken}";

    /** Length of real product tokens, prefix included. Known. */
    public static final int PRODUCT_TOKEN_LENGTH = 326;

    /** Longest product token the client accepts. Decided. */
    public static final int PRODUCT_TOKEN_MAX_LENGTH = 4096;

    /** Prefix of every user token. Known. */
    public static final String USER_TOKEN_PREFIX = "{UserToken}";

    /** Length of real user tokens, prefix included. Known. */
    public static final int USER_TOKEN_LENGTH = 411;

    /** Length of an AWS access key id. Known. */
    public static final int ACCESS_KEY_ID_LENGTH = 20;

    /** Length of an AWS secret access key. Known. */
    public static final int SECRET_ACCESS_KEY_LENGTH = 40;

    /** Length of a request id (a UUID). Known. */
    public static final int REQUEST_ID_LENGTH = 36;

    /** HTTP response header in which a throttling service may say how long to wait. Known (HTTP). */
    public static final String RETRY_AFTER_HEADER = "Retry-After";
}
