package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.RestQuery;
import io.github.devpayls.ls.contract.generated.ErrorResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST-Query side of the client: VerifyProductSubscriptionByTokens and RefreshUserToken, signed
 * with the customer's own keys, over the JDK's {@link HttpURLConnection} with the client's TLS socket
 * factory, timeouts, deadline watchdog and {@link RetryExecutor}, like the SOAP call.
 *
 * <p><b>POST with a form body, not GET.</b> A POST in fixed-length streaming mode is never resent
 * by {@code HttpURLConnection} on its own (it silently resends a GET, and a non-streaming POST, once
 * when a kept-alive connection dies before the answer), so every resend goes through the retry
 * policy. The two tokens and the signature travel in the body, so no server, proxy or
 * TLS-inspecting gateway access log records them with the URL, and no cache keeps the answer; the
 * parameters (about 1.2 KB encoded) stay clear of URL length limits. The simulator accepts both.
 */
final class RestQueryTransport {

    /** Where the masked REST-Query exchange is logged at DEBUG when message logging is on. */
    static final String MESSAGE_LOGGER = "io.github.devpayls.ls.rest";
    /** Sent with every request. */
    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    /**
     * Most bytes of an answer read: the XML limits allow 1 Mi characters, a real answer is under
     * 1 KiB; more is not the service's answer and is not read into memory.
     */
    static final int MAX_ANSWER_BYTES = (int) io.github.devpayls.ls.contract.XmlLimits.MAX_XML_CHARACTERS;

    private static final Logger MESSAGES = LoggerFactory.getLogger(MESSAGE_LOGGER);

    private final URI endpoint;
    private final URL url;
    private final SSLSocketFactory socketFactory;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final boolean logMessages;
    private final RetryExecutor retries;
    private final Clock clock;
    private final InFlightAttempts inFlight;

    RestQueryTransport(ClientConfiguration configuration, RetryExecutor retries, Clock clock, InFlightAttempts inFlight) {
        this.inFlight = inFlight;
        this.endpoint = configuration.endpoint();
        try {
            this.url = endpoint.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new InvalidInputException("endpoint", "must be an absolute http(s) URL");
        }
        this.socketFactory = "https".equalsIgnoreCase(endpoint.getScheme()) ? configuration.trust().socketFactory() : null;
        this.connectTimeout = configuration.connectTimeout();
        this.requestTimeout = configuration.requestTimeout();
        this.logMessages = configuration.logSoapMessages();
        this.retries = retries;
        this.clock = clock;
    }

    SubscriptionResult verify(DesktopCredentials credentials, ProductToken productToken) {
        Map<String, String> specific = new LinkedHashMap<>();
        specific.put(RestQuery.PRODUCT_TOKEN, productToken.value());
        specific.put(RestQuery.USER_TOKEN, credentials.userToken().reveal());
        return call(RestQuery.VERIFY_PRODUCT_SUBSCRIPTION_BY_TOKENS, credentials, specific,
                RestQueryMessages::toSubscription, RestQueryMessages::subscriptionRefused);
    }

    RefreshResult refresh(DesktopCredentials credentials, ProductToken productToken) {
        Map<String, String> specific = new LinkedHashMap<>();
        specific.put(RestQuery.USER_TOKEN, credentials.userToken().reveal());
        // A desktop product names its product through AdditionalTokens.
        specific.put(RestQuery.ADDITIONAL_TOKENS, productToken.value());
        return call(RestQuery.REFRESH_USER_TOKEN, credentials, specific,
                body -> RestQueryMessages.toRefreshed(body, credentials), RefreshResult.Rejected::new);
    }

    /** What an action makes of a success body and of the service's refusal. */
    private record Interpreter<T>(Function<byte[], T> success, Function<ServiceError, T> refused) {
    }

    private <T> T call(String action, DesktopCredentials credentials, Map<String, String> specific,
                       Function<byte[], T> success, Function<ServiceError, T> refused) {
        Interpreter<T> interpreter = new Interpreter<>(success, refused);
        // Signed per attempt: a retry after a long Retry-After still carries a live Expires.
        return retries.execute(action, (number, remaining) -> attempt(
                RestQueryRequest.signed(action, credentials, specific, clock.instant()), interpreter, remaining));
    }

    private <T> AttemptOutcome<T> attempt(RestQueryRequest request, Interpreter<T> interpreter, Duration remaining) {
        String action = request.action();
        List<String> secrets = request.secrets();
        AttemptTrace head = new AttemptTrace(secrets, System.nanoTime() + remaining.toNanos());
        AttemptTimeouts timeouts = AttemptTimeouts.of(requestTimeout, connectTimeout, remaining);
        boolean deadlineBound = timeouts.deadlineBound();
        int receiveMillis = timeouts.receiveMillis();
        int connectMillis = timeouts.connectMillis();
        InFlightAttempts.Watch watch = inFlight.begin(head, remaining);
        HttpURLConnection connection = null;
        boolean complete = false;
        try {
            connection = (HttpURLConnection) url.openConnection();
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(socketFactory);
            }
            byte[] body = request.body();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            // A redirect would resend the customer's tokens somewhere the caller did not choose.
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(receiveMillis);
            connection.setRequestProperty("Content-Type", FORM_CONTENT_TYPE);
            connection.setRequestProperty("Accept", "text/xml, application/xml");
            // Streaming mode: the JDK then never resends this POST on its own.
            connection.setFixedLengthStreamingMode(body.length);
            head.connectionOpened(connection);
            if (logMessages && MESSAGES.isDebugEnabled()) {
                MESSAGES.debug("{} request: POST {} {}", action, endpoint, request.maskedForLog());
            }
            head.sendingStarts();
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            head.responseHead(status, connection.getContentType(),
                    connection.getHeaderField(LicenseServiceFacts.RETRY_AFTER_HEADER));
            head.location(connection.getHeaderField(AttemptTrace.LOCATION_HEADER));
            InputStream raw = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] answer = raw == null ? new byte[0]
                    : readBounded(new AttemptTrace.GuardedBody(raw, connection.getContentLengthLong(), head));
            complete = true;
            if (logMessages && MESSAGES.isDebugEnabled()) {
                MESSAGES.debug("{} answer: HTTP {} {}", action, status,
                        SensitiveNames.scrub(new String(answer, StandardCharsets.UTF_8), secrets));
            }
            return interpret(action, status, answer, interpreter, head, secrets);
        } catch (AnswerTooLarge tooLarge) {
            int status = head.status();
            return protocolFailure(action + ": the answer (HTTP " + status + ") is larger than " + MAX_ANSWER_BYTES
                    + " bytes, which no License Service answer is", status, Optional.empty());
        } catch (IOException | RuntimeException failure) {
            if (head.status() == LicenseServiceFacts.THROTTLED_HTTP_STATUS && !head.deadlineAborted()) {
                // Throttling with a broken body is still throttling: the request was not acted on.
                return new AttemptOutcome.Unavailable<>(head.status(), Optional.empty(), Optional.empty(), retryAfter(head));
            }
            return FailureClassifier.classify(failure, head, action, receiveMillis, deadlineBound, secrets);
        } finally {
            watch.close();
            if (!complete && connection != null) {
                // A half-read or failed exchange must not go back to the keep-alive pool.
                connection.disconnect();
            }
        }
    }

    private <T> AttemptOutcome<T> interpret(String action, int status, byte[] answer, Interpreter<T> interpreter,
                                            AttemptTrace head, List<String> secrets) {
        if (status == LicenseServiceFacts.THROTTLED_HTTP_STATUS) {
            // Any body: the status alone decides. An ErrorResponse, when there is one, names the code.
            Optional<ServiceError> error = errorIn(answer, secrets);
            return new AttemptOutcome.Unavailable<>(status, error, error.flatMap(ServiceError::requestId), retryAfter(head));
        }
        if (status == HttpURLConnection.HTTP_OK) {
            try {
                T value = interpreter.success().apply(answer);
                return new AttemptOutcome.Answered<>(value, status, requestIdOf(value));
            } catch (RestAnswers.UnreadableAnswer unreadable) {
                return protocolFailure(action + ": " + unreadable.getMessage(), status, Optional.empty());
            } catch (ActivationMessages.ContractViolation violation) {
                return protocolFailure(action + ": " + violation.getMessage(), status, violation.requestId());
            }
        }
        if (FailureClassifier.isRedirect(status)) {
            return FailureClassifier.redirected(action, head, secrets);
        }
        ServiceError error;
        try {
            error = errorResponse(answer, secrets);
        } catch (RestAnswers.UnreadableAnswer unreadable) {
            String type = head.contentType().map(t -> " " + SensitiveNames.scrub(t, secrets)).orElse("");
            return protocolFailure(action + ": the answer (HTTP " + status + type + ") is not an ErrorResponse ("
                    + unreadable.getMessage() + ")", status, Optional.empty());
        }
        if (error.retryable()) {
            return new AttemptOutcome.Unavailable<>(status, Optional.of(error), error.requestId(), retryAfter(head));
        }
        return new AttemptOutcome.Answered<>(interpreter.refused().apply(error), status, error.requestId());
    }

    private static ServiceError errorResponse(byte[] answer, List<String> secrets) {
        return FaultTranslator.fromErrorResponse(
                RestAnswers.read(new java.io.ByteArrayInputStream(answer), ErrorResponse.class), secrets);
    }

    private static Optional<ServiceError> errorIn(byte[] answer, List<String> secrets) {
        try {
            return Optional.of(errorResponse(answer, secrets));
        } catch (RestAnswers.UnreadableAnswer notAnErrorResponse) {
            return Optional.empty();
        }
    }

    private static Optional<RequestId> requestIdOf(Object value) {
        if (value instanceof SubscriptionResult.Subscribed subscribed) {
            return Optional.of(subscribed.requestId());
        }
        if (value instanceof SubscriptionResult.NotSubscribed notSubscribed) {
            return notSubscribed.requestId();
        }
        if (value instanceof RefreshResult.Refreshed refreshed) {
            return Optional.of(refreshed.requestId());
        }
        return Optional.empty();
    }

    private static <T> AttemptOutcome<T> protocolFailure(String message, int status, Optional<RequestId> requestId) {
        return new AttemptOutcome.Failed<>(
                attempts -> new ProtocolFailureException(message, attempts, status, requestId, null),
                AttemptOutcome.Delivery.ANSWERED_INVALIDLY, status, requestId);
    }

    private Optional<Duration> retryAfter(AttemptTrace head) {
        return head.retryAfter().flatMap(retries::parseRetryAfter);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > MAX_ANSWER_BYTES) {
                    throw new AnswerTooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Raised when an answer is bigger than {@link #MAX_ANSWER_BYTES}. */
    private static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge() {
            super("the answer is too large", null);
        }
    }
}
