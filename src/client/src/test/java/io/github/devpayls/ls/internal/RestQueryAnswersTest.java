package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.RefreshResult;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.SubscriptionResult;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import io.github.devpayls.ls.simulator.junit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every REST-Query answer becomes, against a scripted plain-HTTP loopback peer (real sockets,
 * real XML); the simulator-based *IT tests repeat the end-to-end rows over HTTPS.
 */
class RestQueryAnswersTest {

    static final String REQUEST_ID = "11111111-2222-3333-4444-555555555555";
    static final String NEW_TOKEN = "{UserToken}NEWTOKEN" + "B".repeat(380) + "==";
    static final DesktopCredentials CREDENTIALS = RestQueryRequestTest.CREDENTIALS;
    static final ProductToken PRODUCT = ProductToken.of(RestQueryRequestTest.PRODUCT_TOKEN);

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-12-02T10:00:00Z"));
    private final ScriptedPeer peer;
    private final CxfLicenseServiceClient client;

    RestQueryAnswersTest() throws Exception {
        peer = ScriptedPeer.http();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofSeconds(1)).build();
        ClientConfiguration configuration = new ClientConfiguration(peer.endpoint(), TlsTrust.jdkDefault(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(1), policy, false);
        RetryExecutor retries = new RetryExecutor(policy, Duration.ofMinutes(1), delay -> {
            sleeps.add(delay);
            clock.advance(delay);
        }, bound -> bound - 1, System::nanoTime, clock);
        client = CxfLicenseServiceClient.open(configuration, retries, clock);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        peer.close();
    }

    static String ns() {
        return " xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\"";
    }

    static String verifyAnswer(String subscribedElement, String requestId) {
        return "<VerifyProductSubscriptionByTokensResponse" + ns() + "><VerifyProductSubscriptionByTokensResult>"
                + subscribedElement + "</VerifyProductSubscriptionByTokensResult>"
                + (requestId == null ? "" : "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>")
                + "</VerifyProductSubscriptionByTokensResponse>";
    }

    static String refreshAnswer(String token) {
        return "<RefreshUserTokenResponse" + ns() + "><RefreshUserTokenResult>"
                + (token == null ? "" : "<UserToken>" + token + "</UserToken>")
                + "</RefreshUserTokenResult><ResponseMetadata><RequestId>" + REQUEST_ID
                + "</RequestId></ResponseMetadata></RefreshUserTokenResponse>";
    }

    static String errorAnswer(String type, String code, String message) {
        return "<ErrorResponse" + ns() + "><Error>" + (type == null ? "" : "<Type>" + type + "</Type>")
                + "<Code>" + code + "</Code><Message>" + message + "</Message><Detail/></Error><RequestId>"
                + REQUEST_ID + "</RequestId></ErrorResponse>";
    }

    @Test
    void verify_whenSubscribedTrue_returnsSubscribedWithRequestId() {
        peer.then(Reply.xml(200, verifyAnswer("<Subscribed>true</Subscribed>", REQUEST_ID)));

        SubscriptionResult result = client.verifySubscription(CREDENTIALS, PRODUCT);

        assertThat(result).isInstanceOf(SubscriptionResult.Subscribed.class);
        assertThat(((SubscriptionResult.Subscribed) result).requestId().value()).isEqualTo(REQUEST_ID);
    }

    @Test
    void verify_whenSubscribedFalse_returnsNotSubscribedFromTheFlag() {
        peer.then(Reply.xml(200, verifyAnswer("<Subscribed> false </Subscribed><Extra>ignored</Extra>", REQUEST_ID)));

        SubscriptionResult result = client.verifySubscription(CREDENTIALS, PRODUCT);

        assertThat(result).isInstanceOfSatisfying(SubscriptionResult.NotSubscribed.class,
                n -> assertThat(n.basis()).isEqualTo(SubscriptionResult.Basis.SUBSCRIBED_FALSE));
    }

    @Test
    void verify_whenUserNotSubscribedError_returnsNotSubscribedKeepingTheBasis() {
        peer.then(Reply.xml(400, errorAnswer("Sender", "UserNotSubscribed", "payment pending")));

        SubscriptionResult result = client.verifySubscription(CREDENTIALS, PRODUCT);

        assertThat(result).isInstanceOfSatisfying(SubscriptionResult.NotSubscribed.class, n -> {
            assertThat(n.basis()).isEqualTo(SubscriptionResult.Basis.USER_NOT_SUBSCRIBED_ERROR);
            assertThat(n.requestId().orElseThrow().value()).isEqualTo(REQUEST_ID);
        });
    }

    @Test
    void verify_whenSubscribedElementMissing_isProtocolFailureNotFalse() {
        peer.then(Reply.xml(200, verifyAnswer("", REQUEST_ID)));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class).hasMessageContaining("Subscribed");
        assertThat(peer.requestCount()).isEqualTo(1);
    }

    @Test
    void verify_whenSubscribedIsNotABoolean_isProtocolFailure() {
        peer.then(Reply.xml(200, verifyAnswer("<Subscribed>maybe</Subscribed>", REQUEST_ID)));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class);
    }

    @Test
    void verify_whenRequestIdMissing_isProtocolFailure() {
        peer.then(Reply.xml(200, verifyAnswer("<Subscribed>true</Subscribed>", null)));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class).hasMessageContaining("RequestId");
    }

    @ParameterizedTest(name = "{1} (HTTP {0})")
    @CsvSource({
            "400, InvalidUserToken, INVALID_USER_TOKEN, SENDER",
            "400, InvalidProductToken, INVALID_PRODUCT_TOKEN, SENDER",
            "400, MissingUserToken, MISSING_USER_TOKEN, SENDER",
            "400, MissingProductToken, MISSING_PRODUCT_TOKEN, SENDER",
            "400, InvalidParameterValue, INVALID_PARAMETER_VALUE, SENDER",
            "400, MissingParameter, MISSING_PARAMETER, SENDER",
            "400, InvalidParameterCombination, INVALID_PARAMETER_COMBINATION, SENDER",
            "400, RequestExpired, REQUEST_EXPIRED, SENDER",
            "403, SignatureDoesNotMatch, SIGNATURE_DOES_NOT_MATCH, SENDER",
            "403, InvalidAccessKeyId, INVALID_ACCESS_KEY_ID, SENDER",
            "403, AccessDenied, ACCESS_DENIED, SENDER",
            "400, InvalidAction, INVALID_ACTION, SENDER",
            "400, SomethingNew, UNKNOWN, SENDER"})
    void verify_whenErrorResponse_returnsRejectedWithTheCode(int status, String wire, ServiceErrorCode code,
                                                             FaultType type) {
        peer.then(Reply.xml(status, errorAnswer("Sender", wire, "refused " + RestQueryRequestTest.USER_TOKEN)));

        SubscriptionResult result = client.verifySubscription(CREDENTIALS, PRODUCT);

        assertThat(result).isInstanceOfSatisfying(SubscriptionResult.Rejected.class, rejected -> {
            ServiceError error = rejected.error();
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.rawCode()).endsWith(wire);
            assertThat(error.type()).isEqualTo(type);
            assertThat(error.requestId().orElseThrow().value()).isEqualTo(REQUEST_ID);
            assertThat(error.message()).startsWith("refused").doesNotContain("TESTUSERTOKEN");
        });
        assertThat(peer.requestCount()).as("a Sender error is not retried").isEqualTo(1);
    }

    @Test
    void verify_whenErrorHasNoType_takesTheCodesUsualType() {
        peer.then(Reply.xml(400, errorAnswer(null, "InvalidUserToken", "bad")));

        SubscriptionResult result = client.verifySubscription(CREDENTIALS, PRODUCT);

        assertThat(((SubscriptionResult.Rejected) result).error().type()).isEqualTo(FaultType.SENDER);
    }

    @Test
    void verify_whenThrottledThenAnswered_retriesWithRetryAfterAndSignsEachAttemptAfresh() {
        peer.then(Reply.xml(503, errorAnswer("Receiver", "RequestThrottled", "slow down"), "Retry-After", "7"))
                .then(new Reply(503, "text/html", "<html>busy</html>", List.of()))
                .then(Reply.xml(200, verifyAnswer("<Subscribed>true</Subscribed>", REQUEST_ID)));

        SubscriptionResult result = client.verifySubscription(CREDENTIALS, PRODUCT);

        assertThat(result.isSubscribed()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(200));
        List<Map<String, String>> sent = peer.requests().stream().map(RestQueryRequestTest::decodeForm).toList();
        assertThat(sent).extracting(p -> p.get("Expires"))
                .containsExactly("2026-12-02T10:15:00Z", "2026-12-02T10:15:07Z", "2026-12-02T10:15:07Z");
        assertThat(sent.get(0).get("Signature")).isNotEqualTo(sent.get(1).get("Signature"));
    }

    @Test
    void verify_whenInternalErrorEveryTime_endsInServiceUnavailableAfterThePolicysAttempts() {
        peer.always(request -> Reply.xml(500, errorAnswer("Receiver", "InternalError", "oops")));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastHttpStatus()).isEqualTo(500);
                });
        assertThat(peer.requestCount()).isEqualTo(3);
    }

    @Test
    void verify_whenHtmlOrGarbageWith400_isProtocolFailureWithoutRetry() {
        peer.then(new Reply(400, "text/html", "<html><body>proxy says no</body></html>", List.of()));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class).hasMessageContaining("not an ErrorResponse");
        assertThat(peer.requestCount()).isEqualTo(1);
    }

    @Test
    void verify_whenAnswerHasADoctype_isRefusedAsProtocolFailure() {
        peer.then(Reply.xml(200, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + verifyAnswer("<Subscribed>&e;</Subscribed>", REQUEST_ID)));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class).hasMessageNotContaining("root:");
    }

    @Test
    void verify_whenAnswerExceedsTheSizeLimit_isProtocolFailure() {
        peer.then(Reply.xml(200, verifyAnswer("<Subscribed>true</Subscribed><Pad>" + "x".repeat(
                RestQueryTransport.MAX_ANSWER_BYTES) + "</Pad>", REQUEST_ID)));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class).hasMessageContaining("larger than");
    }

    @Test
    void verify_whenRedirected_doesNotFollow() {
        peer.then(new Reply(302, "text/plain", "", List.<String[]>of(new String[] {"Location", "https://elsewhere/"})));

        assertThatThrownBy(() -> client.verifySubscription(CREDENTIALS, PRODUCT))
                .isInstanceOf(ProtocolFailureException.class).hasMessageContaining("redirect");
        assertThat(peer.requestCount()).isEqualTo(1);
    }

    @Test
    void verify_sendsAPostFormBodyWithTheSignedParameters() {
        peer.then(Reply.xml(200, verifyAnswer("<Subscribed>true</Subscribed>", REQUEST_ID)));

        client.verifySubscription(CREDENTIALS, PRODUCT);

        Map<String, String> sent = RestQueryRequestTest.decodeForm(peer.requests().get(0));
        assertThat(sent).containsEntry("Action", "VerifyProductSubscriptionByTokens")
                .containsEntry("UserToken", RestQueryRequestTest.USER_TOKEN)
                .containsEntry("ProductToken", RestQueryRequestTest.PRODUCT_TOKEN);
        assertThat(io.github.devpayls.ls.contract.RestQuerySignature.matches(sent,
                RestQueryRequestTest.SECRET_KEY.toCharArray())).isTrue();
    }

    @Test
    void refresh_whenAnswered_returnsTheSameKeyPairWithTheNewToken() {
        peer.then(Reply.xml(200, refreshAnswer("\n  " + NEW_TOKEN + "\n")));

        RefreshResult result = client.refreshUserToken(CREDENTIALS, PRODUCT);

        assertThat(result).isInstanceOfSatisfying(RefreshResult.Refreshed.class, refreshed -> {
            assertThat(refreshed.credentials().userToken().reveal()).isEqualTo(NEW_TOKEN);
            assertThat(refreshed.credentials().accessKeyId()).isEqualTo(CREDENTIALS.accessKeyId());
            assertThat(refreshed.credentials().secretAccessKey()).isEqualTo(CREDENTIALS.secretAccessKey());
            assertThat(refreshed.requestId().value()).isEqualTo(REQUEST_ID);
        });
        Map<String, String> sent = RestQueryRequestTest.decodeForm(peer.requests().get(0));
        assertThat(sent).containsEntry("Action", "RefreshUserToken")
                .containsEntry("AdditionalTokens", RestQueryRequestTest.PRODUCT_TOKEN).doesNotContainKey("ProductToken");
    }

    @Test
    void refresh_whenTokenMissingOrBlankOrSplit_isProtocolFailure() {
        peer.then(Reply.xml(200, refreshAnswer(null))).then(Reply.xml(200, refreshAnswer("   ")))
                .then(Reply.xml(200, refreshAnswer("{UserToken}AAA BBB")));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.refreshUserToken(CREDENTIALS, PRODUCT))
                    .isInstanceOf(ProtocolFailureException.class).hasMessageContaining("UserToken")
                    .hasMessageNotContaining("AAA");
        }
    }

    @Test
    void refresh_whenInvalidUserToken_returnsRejected() {
        peer.then(Reply.xml(400, errorAnswer("Sender", "InvalidUserToken", "stale")));

        RefreshResult result = client.refreshUserToken(CREDENTIALS, PRODUCT);

        assertThat(result).isInstanceOfSatisfying(RefreshResult.Rejected.class,
                r -> assertThat(r.error().code()).isEqualTo(ServiceErrorCode.INVALID_USER_TOKEN));
    }

    @Test
    void verify_whenArgumentsMissing_failsBeforeSending() {
        assertThatThrownBy(() -> client.verifySubscription(null, PRODUCT))
                .isInstanceOfSatisfying(io.github.devpayls.ls.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("credentials"));
        assertThatThrownBy(() -> client.refreshUserToken(CREDENTIALS, null))
                .isInstanceOfSatisfying(io.github.devpayls.ls.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("productToken"));
        assertThat(peer.requestCount()).isZero();
    }
}
