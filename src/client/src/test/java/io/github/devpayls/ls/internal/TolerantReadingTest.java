package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.ScriptedPeer;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A success answer grown beyond the 2008-04-28 contract, in each position, through the whole CXF
 * client against a scripted peer: read, with the three credentials; what the contract requires is
 * still required.
 */
class TolerantReadingTest {

    static final String NS = LicenseServiceFacts.NAMESPACE;
    static final String USER_TOKEN = "{UserToken}" + "QUJD".repeat(100);
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = CxfWiringTest.SECRET_KEY;
    static final String FUTURE = "<FutureField>f</FutureField>";
    static final String FOREIGN = "<x:Extra xmlns:x=\"urn:example:future\" x:a=\"1\"><x:Deep><x:Deeper>v</x:Deeper></x:Deep></x:Extra>";

    static ScriptedPeer peer;
    static CxfLicenseServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        peer = ScriptedPeer.http();
        client = new CxfWiringTest().client(peer, RetryPolicy.none());
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        peer.close();
    }

    /** Marks: R0..R3 the result's gaps, P0..P2 the response's, M0/M1 the metadata's, H the header. */
    static String answer(String where, String what) {
        String[] at = {"H", "P0", "R0", "R1", "R2", "R3", "P1", "M0", "M1", "P2"};
        String xml = "<soap:Envelope xmlns:soap=\"" + LicenseServiceFacts.SOAP11_ENVELOPE_NAMESPACE + "\">"
                + "<soap:Header>H</soap:Header><soap:Body>"
                + "<ActivateDesktopProductResponse xmlns=\"" + NS + "\">P0<ActivateDesktopProductResult>"
                + "R0<UserToken>" + USER_TOKEN + "</UserToken>R1<AWSAccessKeyId>" + KEY_ID + "</AWSAccessKeyId>R2"
                + "<SecretAccessKey>" + SECRET + "</SecretAccessKey>R3</ActivateDesktopProductResult>P1"
                + "<ResponseMetadata>M0<RequestId>" + CxfWiringTest.REQUEST_ID + "</RequestId>M1</ResponseMetadata>P2"
                + "</ActivateDesktopProductResponse></soap:Body></soap:Envelope>";
        for (String mark : at) {
            xml = xml.replace(mark.startsWith("H") ? ">H<" : mark, mark.equals(where) ? (mark.startsWith("H") ? ">" + what + "<" : what)
                    : (mark.startsWith("H") ? "><" : ""));
        }
        return xml;
    }

    static ActivationResult.Activated activate(String body) {
        peer.then(Reply.xml(200, body));
        return (ActivationResult.Activated) client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN);
    }

    @ParameterizedTest(name = "{0} element at {1}")
    @CsvSource({
        "contract-namespace, R0", "contract-namespace, R1", "contract-namespace, R2", "contract-namespace, R3",
        "contract-namespace, P0", "contract-namespace, P1", "contract-namespace, M0", "contract-namespace, M1",
        "contract-namespace, P2", "contract-namespace, H",
        "foreign-namespace, R0", "foreign-namespace, R2", "foreign-namespace, R3", "foreign-namespace, P0",
        "foreign-namespace, P1", "foreign-namespace, M1", "foreign-namespace, P2", "foreign-namespace, H",
    })
    void activate_whenAnswerHasAnUnknownElement_readsTheCredentials(String kind, String where) {
        ActivationResult.Activated activated = activate(answer(where, kind.startsWith("contract") ? FUTURE : FOREIGN));

        assertThat(activated.credentials().userToken().reveal()).isEqualTo(USER_TOKEN);
        assertThat(activated.credentials().accessKeyId()).isEqualTo(KEY_ID);
        assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(SECRET);
        assertThat(activated.requestId().value()).isEqualTo(CxfWiringTest.REQUEST_ID);
    }

    @Test
    void activate_whenAnswerGrewEverywhereAtOnce_readsTheCredentials() {
        String body = answer("none", "");
        for (String mark : new String[] {"<ActivateDesktopProductResult>", "</UserToken>", "</AWSAccessKeyId>",
                "</SecretAccessKey>", "</ActivateDesktopProductResult>", "<ResponseMetadata>", "</RequestId>",
                "</ResponseMetadata>"}) {
            body = body.replace(mark, mark + FUTURE + FOREIGN);
        }
        body = body.replace("<ActivateDesktopProductResult>", "<ActivateDesktopProductResult since=\"2010\" x:y=\"z\""
                + " xmlns:x=\"urn:x\">").replace("<UserToken>", "<UserToken format=\"v2\">");

        ActivationResult.Activated activated = activate(body);

        assertThat(activated.credentials().userToken().reveal()).isEqualTo(USER_TOKEN);
        assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(SECRET);
    }

    @Test
    void activate_whenUnknownHeaderMustBeUnderstood_refusesTheAnswer() {
        String header = "<x:Billing xmlns:x=\"urn:example:future\" soap:mustUnderstand=\"1\">v</x:Billing>";
        peer.then(Reply.xml(200, answer("H", header)));

        ProtocolFailureException failure = catchThrowableOfType(
                () -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN), ProtocolFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("Billing");
    }

    @ParameterizedTest
    @CsvSource({"UserToken", "AWSAccessKeyId", "SecretAccessKey"})
    void activate_whenGrownAnswerLacksACredential_isStillRefusedNamingIt(String element) {
        String body = answer("R1", FUTURE).replaceAll("<" + element + ">[^<]*</" + element + ">", "");
        peer.then(Reply.xml(200, body));

        ProtocolFailureException failure = catchThrowableOfType(
                () -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN), ProtocolFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(element);
    }

    @Test
    void activate_whenGrownAnswerLacksResponseMetadata_isStillRefused() {
        String body = answer("P1", FUTURE).replaceAll("<ResponseMetadata>.*</ResponseMetadata>", "");
        peer.then(Reply.xml(200, body));

        ProtocolFailureException failure = catchThrowableOfType(
                () -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN), ProtocolFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("RequestId");
    }

    @Test
    void activate_whenCredentialsArePrettyPrinted_stripsTheSurroundingWhitespace() {
        String body = answer("none", "").replace(USER_TOKEN, "\n      " + USER_TOKEN + "\n    ")
                .replace(KEY_ID, "\t" + KEY_ID + " ").replace(SECRET, "\r\n " + SECRET + "\n");

        ActivationResult.Activated activated = activate(body);

        assertThat(activated.credentials().userToken().reveal()).isEqualTo(USER_TOKEN);
        assertThat(activated.credentials().accessKeyId()).isEqualTo(KEY_ID);
        assertThat(activated.credentials().secretAccessKey().reveal()).isEqualTo(SECRET);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "UserToken|{UserToken}QUJD QUJD|whitespace inside",
        "UserToken|QUJDQUJD|no prefix",
        "UserToken|{UserToken}QUJD*QUJD|not Base64",
        "AWSAccessKeyId|AKIAIOSFODNN7EXAMPL|19 characters",
        "AWSAccessKeyId|AKIAIOSF\tODNN7EXAMPLE|whitespace inside",
        "SecretAccessKey|wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYX|41 characters",
    })
    void activate_whenACredentialHasTheWrongShape_isRefusedNamingTheElementNotTheValue(String element, String value,
                                                                                       String why) {
        String original = element.equals("UserToken") ? USER_TOKEN : element.equals("AWSAccessKeyId") ? KEY_ID : SECRET;
        String bad = value.replace("\\t", "\t");
        peer.then(Reply.xml(200, answer("none", "").replace(original, bad)));

        ProtocolFailureException failure = catchThrowableOfType(
                () -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN), ProtocolFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(element).doesNotContain(bad);
    }

    @ParameterizedTest(name = "{0} accepted: {1}")
    @CsvSource(delimiter = '|', value = {
        "{UserToken}QUJD|true",
        "{UserToken}QUJ+/w==|true",
        "{UserToken}QUJDQQ=|true",
        "{UserToken}QUJD===|false",
        "{UserToken}QU=JD|false",
        "{UserToken}==|false",
        "{UserToken}|false",
        "{usertoken}QUJD|false",
        "{UserToken}QUJD-_|false",
        "{UserToken}QUJDé|false",
        "x{UserToken}QUJD|false",
    })
    void checkedUserToken_acceptsThePrefixThenBase64WithAtMostTwoPaddingCharacters(String token, boolean accepted) {
        Throwable refusal = catchThrowableOfType(() -> ActivationMessages.checkedUserToken(token),
                ActivationMessages.ContractViolation.class);

        if (accepted) {
            assertThat(refusal).isNull();
        } else {
            assertThat(refusal).isNotNull().hasMessageContaining("UserToken");
        }
    }

    @Test
    void checkedUserToken_servesRefreshedTokensToo() {
        assertThat(ActivationMessages.checkedUserToken("\n  " + USER_TOKEN + "\n")).isEqualTo(USER_TOKEN);
        assertThat(catchThrowableOfType(() -> ActivationMessages.checkedUserToken("{UserToken}QU JD"),
                ActivationMessages.ContractViolation.class)).hasMessageContaining("UserToken")
                .hasMessageNotContaining("QU JD");
    }
}
