package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.contract.generated.ErrorResponse;
import io.github.devpayls.ls.contract.generated.RefreshUserTokenResponse;
import io.github.devpayls.ls.contract.generated.VerifyProductSubscriptionByTokensResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The REST-Query answer reader on the answer shapes of the calls a desktop product makes over
 * REST-Query (VerifyProductSubscriptionByTokens, RefreshUserToken, ErrorResponse), with the
 * contract grown in every position, and with what must still be refused.
 */
class RestAnswersTest {

    static final String NS = LicenseServiceFacts.NAMESPACE;
    static final String REQUEST_ID = "7a1f3c2e-0b9d-4e8a-9c6f-2d5e8b1a4f70";
    static final String USER_TOKEN = "{UserToken}" + "A".repeat(400);
    static final String FUTURE = "<FutureField>1</FutureField>";
    static final String FOREIGN = "<x:Extra xmlns:x=\"urn:example:future\"><x:Nested a=\"1\">v</x:Nested></x:Extra>";

    static <T> RestAnswers.Read<T> read(String xml, Class<T> type) {
        return RestAnswers.readCounting(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), type);
    }

    static String verify(String inResult, String inResponse, String inMetadata, String afterMetadata) {
        return "<VerifyProductSubscriptionByTokensResponse xmlns=\"" + NS + "\">" + inResponse
                + "<VerifyProductSubscriptionByTokensResult>" + inResult.replace("|", "<Subscribed>true</Subscribed>")
                + "</VerifyProductSubscriptionByTokensResult>"
                + "<ResponseMetadata>" + inMetadata + "<RequestId>" + REQUEST_ID + "</RequestId></ResponseMetadata>"
                + afterMetadata + "</VerifyProductSubscriptionByTokensResponse>";
    }

    static String refresh(String inResult, String inResponse, String inMetadata, String afterMetadata) {
        return "<RefreshUserTokenResponse xmlns=\"" + NS + "\" future=\"yes\">" + inResponse
                + "<RefreshUserTokenResult>" + inResult.replace("|", "<UserToken>\n  " + USER_TOKEN + "\n</UserToken>")
                + "</RefreshUserTokenResult>"
                + "<ResponseMetadata>" + inMetadata + "<RequestId>" + REQUEST_ID + "</RequestId></ResponseMetadata>"
                + afterMetadata + "</RefreshUserTokenResponse>";
    }

    @Test
    void read_whenVerifyAnswerGrewInEveryPosition_readsSubscribedAndCountsEachAddition() {
        RestAnswers.Read<VerifyProductSubscriptionByTokensResponse> read = read(
                verify(FUTURE + "|" + FOREIGN, FOREIGN, FUTURE, FUTURE), VerifyProductSubscriptionByTokensResponse.class);

        assertThat(read.answer().getVerifyProductSubscriptionByTokensResult().isSubscribed()).isTrue();
        assertThat(read.answer().getResponseMetadata().getRequestId()).isEqualTo(REQUEST_ID);
        assertThat(read.skipped()).containsExactly(new QName("urn:example:future", "Extra"), new QName(NS, "FutureField"),
                new QName("urn:example:future", "Extra"), new QName(NS, "FutureField"), new QName(NS, "FutureField"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"result-start", "result-end", "response", "metadata", "after-metadata", "attribute"})
    void read_whenRefreshAnswerGrewInOnePosition_readsTheToken(String position) {
        String xml = switch (position) {
            case "result-start" -> refresh(FOREIGN + "|", "", "", "");
            case "result-end" -> refresh("|" + FUTURE, "", "", "");
            case "response" -> refresh("|", FUTURE, "", "");
            case "metadata" -> refresh("|", "", FOREIGN, "");
            case "after-metadata" -> refresh("|", "", "", FOREIGN);
            default -> refresh("|", "", "", "").replace("<RefreshUserTokenResult>", "<RefreshUserTokenResult since=\"2009\">");
        };

        RestAnswers.Read<RefreshUserTokenResponse> read = read(xml, RefreshUserTokenResponse.class);

        assertThat(read.answer().getRefreshUserTokenResult().getUserToken().strip()).isEqualTo(USER_TOKEN);
        assertThat(read.skipped()).hasSize(position.equals("attribute") ? 0 : 1);
        // The response's future="yes" always; the result's since="2009" when added.
        assertThat(read.ignoredAttributes()).hasSize(position.equals("attribute") ? 2 : 1)
                .contains(new QName("future"));
    }

    @Test
    void read_countsUnknownAttributesOfReadElements_butNotThoseInsideSkippedElementsOrXsi() {
        String xml = refresh("|", FOREIGN, "", "")
                .replace("<RefreshUserTokenResult>", "<RefreshUserTokenResult xmlns:f=\"urn:f\" f:since=\"2009\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"false\">");

        RestAnswers.Read<RefreshUserTokenResponse> read = read(xml, RefreshUserTokenResponse.class);

        assertThat(read.ignoredAttributes()).containsExactly(new QName("future"), new QName("urn:f", "since"));
    }

    @Test
    void read_whenErrorResponseHasSeveralErrorsAndAdditions_keepsAllInOrder() {
        String xml = "<ErrorResponse xmlns=\"" + NS + "\">"
                + "<Error><Type>Sender</Type><Code>InvalidUserToken</Code>" + FUTURE + "<Message>bad token</Message>"
                + "<Detail><x:Why xmlns:x=\"urn:x\">expired</x:Why></Detail></Error>"
                + "<Error><Type>Receiver</Type><Code>InternalError</Code><Message>also this</Message></Error>"
                + FOREIGN + "<RequestId>" + REQUEST_ID + "</RequestId>" + FUTURE + "</ErrorResponse>";

        RestAnswers.Read<ErrorResponse> read = read(xml, ErrorResponse.class);
        ServiceError error = FaultTranslator.fromErrorResponse(read.answer(), List.of());

        assertThat(read.skipped()).hasSize(3);
        assertThat(error.code()).isEqualTo(ServiceErrorCode.INVALID_USER_TOKEN);
        assertThat(error.rawCode()).isEqualTo("Client.InvalidUserToken");
        assertThat(error.type()).isEqualTo(FaultType.SENDER);
        assertThat(error.message()).isEqualTo("bad token");
        assertThat(error.requestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));
        assertThat(error.alsoReported()).singleElement().satisfies(second -> {
            assertThat(second.code()).isEqualTo(ServiceErrorCode.INTERNAL_ERROR);
            assertThat(second.type()).isEqualTo(FaultType.RECEIVER);
            assertThat(second.message()).isEqualTo("also this");
            assertThat(second.requestId()).isEqualTo(error.requestId());
            assertThat(second.alsoReported()).isEmpty();
        });
    }

    @Test
    void read_whenAnswerIsAnotherContractElement_refusesNamingBoth() {
        String xml = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                + "<Message>no</Message></Error><RequestId>" + REQUEST_ID + "</RequestId></ErrorResponse>";

        assertThatThrownBy(() -> read(xml, VerifyProductSubscriptionByTokensResponse.class))
                .isInstanceOf(RestAnswers.UnreadableAnswer.class)
                .hasMessageContaining("ErrorResponse").hasMessageContaining("VerifyProductSubscriptionByTokensResponse");
    }

    @Test
    void read_whenRootIsInAnotherNamespace_refuses() {
        String xml = verify("|", "", "", "").replace(NS, "http://ls.amazonaws.com/doc/2099-01-01/");

        assertThatThrownBy(() -> read(xml, VerifyProductSubscriptionByTokensResponse.class))
                .isInstanceOf(RestAnswers.UnreadableAnswer.class);
    }

    @Test
    void read_whenBodyHasDoctype_refusesWithoutExpandingIt() {
        String xml = "<!DOCTYPE r [<!ENTITY t \"{UserToken}SECRETSECRET\">]>"
                + refresh("|", "", "", "").replace(USER_TOKEN, "&t;");

        assertThatThrownBy(() -> read(xml, RefreshUserTokenResponse.class))
                .isInstanceOf(RestAnswers.UnreadableAnswer.class)
                .hasMessageNotContaining("SECRETSECRET");
    }

    @Test
    void read_whenNestingExceedsTheXmlLimits_refuses() {
        String deep = "<a>".repeat(40) + "</a>".repeat(40);

        assertThatThrownBy(() -> read(verify("|" + deep, "", "", ""), VerifyProductSubscriptionByTokensResponse.class))
                .isInstanceOf(RestAnswers.UnreadableAnswer.class);
    }

    @Test
    void read_whenBodyIsNotXml_refuses() {
        assertThatThrownBy(() -> read("<html><body>Service Unavailable", ErrorResponse.class))
                .isInstanceOf(RestAnswers.UnreadableAnswer.class);
    }
}
