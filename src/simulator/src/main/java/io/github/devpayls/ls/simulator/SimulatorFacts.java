package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.XmlLimits;

import java.time.Duration;
import java.util.Set;

/**
 * Every value the simulator decided for itself (the real service's values it shares are in
 * {@link io.github.devpayls.ls.contract.LicenseServiceFacts}). Change a behaviour here, in one edit.
 */
final class SimulatorFacts {

    private SimulatorFacts() {
    }

    /** Seed of the fixtures unless the builder says otherwise (the API version as a number). */
    static final long DEFAULT_SEED = 20_080_428L;

    /** Mixed into the seed for fractional fault draws, so enabling faults changes no issued value. */
    static final long FAULT_SEED_SALT = 0x5EED_FA17L;

    /** How many demo products the fixtures hold. */
    static final int FIXTURE_PRODUCT_COUNT = 2;

    /** How long before start the fixtures' expired keys were created: the lifetime plus this. */
    static final Duration EXPIRED_KEY_EXTRA_AGE = Duration.ofMinutes(5);

    /** Product codes: uppercase hexadecimal, as in real DevPay product codes. */
    static final int PRODUCT_CODE_LENGTH = 8;
    static final String PRODUCT_CODE_ALPHABET = "0123456789ABCDEF";

    /** Activation keys and persistent identifiers (PIDs) use the base32 alphabet. */
    static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Persistent identifiers: 28 base32 characters, like activation keys. */
    static final int PERSISTENT_IDENTIFIER_LENGTH = 28;

    /** Access key ids: uppercase letters and digits, as AWS issued them. */
    static final String ACCESS_KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Customer ids: twelve digits, like AWS account ids. */
    static final int CUSTOMER_ID_LENGTH = 12;

    /** Default delay before a new subscription becomes active (card vetting). */
    static final Duration DEFAULT_VETTING_DELAY = Duration.ZERO;

    /**
     * How long a user token keeps working after RefreshUserToken issued a newer version, so a
     * product that refreshed but did not yet store the new token is not cut off at once.
     */
    static final Duration DEFAULT_REFRESH_GRACE_PERIOD = Duration.ofMinutes(15);

    /**
     * How far a REST-Query {@code Timestamp} may lie from the simulator's clock, either way, before
     * the request counts as expired (AWS's usual 15 minutes).
     */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);

    /** Most bytes of a REST-Query form body; a larger one is refused before it is parsed. */
    static final int MAX_FORM_BODY_BYTES = 16 * 1024;

    /** Most parameters of one REST-Query request. */
    static final int MAX_QUERY_PARAMETERS = 32;

    /** Query parameters that make a GET a request for the contract (CXF serves them), not REST-Query. */
    static final Set<String> CONTRACT_QUERY_PARAMETERS = Set.of("wsdl", "xsd");

    /** Content-Type of a REST-Query form body. */
    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    /** File name of the CA certificate in the state directory. */
    static final String CA_CERTIFICATE_FILE = "ca-certificate.pem";

    /** Distinguished names of the throwaway CA and server certificate. */
    static final String CA_DISTINGUISHED_NAME = "CN=devpay-ls simulator throwaway CA,O=devpay-ls-client";
    static final String SERVER_DISTINGUISHED_NAME = "CN=localhost,O=devpay-ls-client";

    /**
     * Certificates follow the real clock, not the injectable one (TLS peers check real time), and
     * are valid from a day before start to this long after it.
     */
    static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(30);

    /** Jetty worker threads: enough for several hanging requests and normal traffic beside them. */
    static final int MAX_THREADS = 32;
    static final int MIN_THREADS = 4;

    /**
     * Idle timeout of connections. Long, because Jetty would otherwise end an injected
     * {@code hang()} after its default 30 seconds; closing the simulator ends every connection anyway.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * How long a request's whole body may take to arrive, counted from its headers. Bodies are
     * read without holding a thread, so slow uploads cost no worker; this bound frees their
     * connections. A SOAP request of the contract is a few kilobytes: ten seconds is generous even
     * for a slow network, and short enough that an abusive upload ends soon.
     */
    static final Duration REQUEST_BODY_DEADLINE = Duration.ofSeconds(10);

    /**
     * Largest request body read: room for a document at the XML limits in UTF-8 (up to four bytes
     * a character), so those limits, not this one, refuse an over-long request.
     */
    static final long MAX_REQUEST_BODY_BYTES = 4 * XmlLimits.MAX_XML_CHARACTERS;

    /**
     * Connections one remote address may hold open at once; more are closed as they open. Above
     * any test's or load run's concurrency (the reliability tests use 16 threads, the JDK keeps 5
     * idle keep-alive connections per destination), below what would let one client exhaust the
     * server's file descriptors.
     */
    static final int MAX_CONNECTIONS_PER_ADDRESS = 64;

    /**
     * The code of a request that cannot be read as a SOAP request of the contract: not XML, a
     * DOCTYPE, beyond the XML limits, too large. It is the sender's fault about the request's
     * content, like an unreadable parameter, so {@code Client.InvalidParameterValue} (the list of
     * common errors has no "malformed request" code); {@code InvalidAction} stays for a
     * well-formed body element that is no operation of the contract.
     */
    static final ErrorCode MALFORMED_REQUEST_CODE = ErrorCode.INVALID_PARAMETER_VALUE;

    /** How long closing waits for requests in flight to finish. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /** Bytes of the body written per pause by {@link InjectedFault#trickle}. */
    static final int TRICKLE_CHUNK_BYTES = 1;

    /** One padding element of {@link InjectedFault#oversized}: this many characters of text. */
    static final int PADDING_ELEMENT_CHARS = 1_000;

    /** Namespace of simulator-only elements (the padding header). */
    static final String SIMULATOR_NAMESPACE = "urn:devpay-ls:simulator";

    /** Namespace of what {@link ContractGrowth} adds in a foreign namespace. */
    static final String FUTURE_NAMESPACE = "urn:devpay-ls:simulator:future";

    /** Local name of the elements {@link ContractGrowth} adds in the contract's namespace. */
    static final String FUTURE_ELEMENT = "FutureField";

    /** Text of the added elements. */
    static final String FUTURE_VALUE = "a value a 2008-04-28 client does not know";

    /** The foreign-namespace addition, with a child and an attribute. */
    static final String FUTURE_FOREIGN_ELEMENT = "<future:Extension xmlns:future=\"" + FUTURE_NAMESPACE
            + "\" future:since=\"2030-01-01\"><future:Nested>" + FUTURE_VALUE + "</future:Nested></future:Extension>";

    /** The added SOAP header block; not mustUnderstand, so a client may ignore it. */
    static final String FUTURE_HEADER_BLOCK = "<future:Trace xmlns:future=\"" + FUTURE_NAMESPACE + "\">"
            + FUTURE_VALUE + "</future:Trace>";

    /** The added attributes: one unqualified, one in the foreign namespace. */
    static final String FUTURE_ATTRIBUTES = " future=\"1\" xmlns:futureattr=\"" + FUTURE_NAMESPACE
            + "\" futureattr:since=\"2030-01-01\"";

    /** Body of {@link InjectedFault#nonXml}. */
    static final String NON_XML_BODY = "this is not XML: {\"status\": \"confused\"} <<<";

    /** Error messages (the fault strings) per decided case. */
    static final String MESSAGE_MISSING_PARAMETER = "The request must contain the parameter %s.";
    static final String MESSAGE_INVALID_PRODUCT_TOKEN = "The product token is invalid for the signer.";
    static final String MESSAGE_INVALID_ACTIVATION_KEY = "The activation key is invalid or malformed.";
    static final String MESSAGE_EXPIRED_ACTIVATION_KEY =
            "The activation key has expired; activation keys expire one hour after creation.";
    static final String MESSAGE_INCORRECT_ACTIVATION_KEY =
            "The activation key belongs to a different product.";
    static final String MESSAGE_TOKEN_EXPIRATION_NOT_POSITIVE =
            "The value for TokenExpiration must be a positive duration.";
    static final String MESSAGE_UNKNOWN_USER_TOKEN = "The value for %s is not a valid user token.";
    static final String MESSAGE_EXPIRED_USER_TOKEN = "The user token in %s has expired.";
    static final String MESSAGE_UNKNOWN_PERSISTENT_IDENTIFIER =
            "The value for PersistentIdentifier is not a known persistent identifier.";
    static final String MESSAGE_UNKNOWN_PRODUCT_CODE = "The value for ProductCode is not a known product code.";
    static final String MESSAGE_INVALID_REQUEST = "The request could not be read: %s";
    /** Longest parser reason quoted in a fault string (the reason may quote the request). */
    static final int MAX_REASON_CHARS = 200;
    static final String MESSAGE_BODY_TOO_LARGE = "the body is larger than " + MAX_REQUEST_BODY_BYTES + " bytes";
    static final String MESSAGE_UNKNOWN_ACTION = "The request body element is not an action of this service.";
    static final String MESSAGE_INTERNAL_ERROR = "The simulator failed to process the request.";
    static final String MESSAGE_THROTTLED = "Request rate exceeded; retry the request.";

    // REST-Query messages. None ever holds a secret value: parameters are named, never quoted.
    static final String MESSAGE_MISSING_ACTION = "The request must contain the parameter Action.";
    static final String MESSAGE_INVALID_ACTION = "The action %s is not valid for this web service.";
    static final String MESSAGE_NO_SUCH_VERSION = "The value for Version is not a version of this service; use %s.";
    static final String MESSAGE_EXPIRES_OR_TIMESTAMP = "Expires or Timestamp";
    static final String MESSAGE_EXPIRES_AND_TIMESTAMP =
            "The request must contain either Expires or Timestamp, not both.";
    static final String MESSAGE_BAD_TIME = "The value for %s must be a UTC time of the form YYYY-MM-DDThh:mm:ssZ.";
    static final String MESSAGE_EXPIRED_REQUEST = "The request has expired: its %s is %s.";
    static final String MESSAGE_TIMESTAMP_OUTSIDE_WINDOW = "older or newer than " + TIMESTAMP_WINDOW.toMinutes()
            + " minutes";
    static final String MESSAGE_EXPIRES_PASSED = "in the past";
    /** The code for a SignatureVersion other than 1. Decided: the value is invalid for this service. */
    static final ErrorCode SIGNATURE_VERSION_ERROR = ErrorCode.INVALID_PARAMETER_VALUE;
    static final String MESSAGE_SIGNATURE_VERSION = "The value for SignatureVersion must be %s.";
    static final String MESSAGE_UNKNOWN_ACCESS_KEY = "The AWS access key id %s does not exist in our records.";
    static final String MESSAGE_SIGNATURE_DOES_NOT_MATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS secret access key and signing method (signature version 1).";
    static final String MESSAGE_USER_TOKEN_OF_OTHER_KEY_PAIR =
            "The value for UserToken is not a user token issued with the access key %s.";
    static final String MESSAGE_REPLACED_USER_TOKEN =
            "The user token in %s was replaced by a newer version (RefreshUserToken) and no longer works.";
    static final String MESSAGE_PRODUCT_TOKEN_OF_OTHER_PRODUCT =
            "The product token is not the one of the product the user token belongs to.";
    static final String MESSAGE_DESKTOP_REFRESH_NEEDS_PRODUCT_TOKEN =
            "A desktop product sends its product token in AdditionalTokens.";
    static final String MESSAGE_REPEATED_PARAMETER = "The parameter %s appears more than once.";
    static final String MESSAGE_TOO_MANY_PARAMETERS = "The request has more than %d parameters.";
    static final String MESSAGE_MALFORMED_QUERY = "The query string or form body is not validly URL-encoded.";
    static final String MESSAGE_FORM_TOO_LARGE = "The form body is larger than %d bytes.";
    static final String MESSAGE_BAD_TOKEN_EXPIRATION = "The value for TokenExpiration must be an xs:duration.";
}
