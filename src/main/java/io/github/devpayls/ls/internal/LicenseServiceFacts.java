package io.github.devpayls.ls.internal;

import java.time.Duration;

/**
 * Every fixed fact about the License Service that the code relies on, in one place. Values marked
 * <em>decided</em> were not documented by the service; this project pinned them (see the README,
 * "The contract") and changing one here changes it everywhere — client, simulator and CLI.
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

    /** Fault-code prefix for the caller's faults, as in {@code aws:Client.ExpiredActivationKey}. Decided. */
    public static final String CLIENT_FAULT_PREFIX = "Client.";

    /** Fault-code prefix for the service's faults, as in {@code aws:Server.InternalError}. Decided. */
    public static final String SERVER_FAULT_PREFIX = "Server.";

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

    // ---- Client defaults (decided; the reasons are in docs/client.md) ----

    /** Longest wait for a TCP connection: loopback and LAN connect in milliseconds; a black-holed host fails fast. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Longest wait for one answer once connected: the service answered in milliseconds; slow links get slack. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Longest a whole call may take, retries and waits included: bounds how long a user stares at a spinner. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(60);

    /** Default total attempts per call: rides out short throttling without keeping a user waiting long. */
    public static final int DEFAULT_RETRY_MAX_ATTEMPTS = 4;

    /** Default ceiling of the first backoff wait. */
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(200);

    /** Default largest ceiling of any backoff wait. */
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(5);

    /** HTTP response header in which a throttling service may say how long to wait. Known (HTTP). */
    public static final String RETRY_AFTER_HEADER = "Retry-After";
}
