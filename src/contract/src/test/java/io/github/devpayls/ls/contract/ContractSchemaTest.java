package io.github.devpayls.ls.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * The hand-maintained XSD, as shipped in the jar, accepts a valid request and response of every
 * operation and rejects instances that break it: a missing required child, children out of order,
 * a value of the wrong type, an element the contract does not know.
 */
class ContractSchemaTest {

    private static final String NS = LicenseServiceFacts.NAMESPACE;
    private static final String RESPONSE_METADATA =
            "<ResponseMetadata><RequestId>cb919c0a-9bce-4afe-9b48-9bdf2412bb67</RequestId></ResponseMetadata>";

    private static Schema schema;

    /** One operation's valid request and response, written as a customer's toolkit would send them. */
    record Operation(String name, String request, String responseResult) {
        String response() {
            return "<" + name + "Response xmlns='" + NS + "'>" + responseResult + RESPONSE_METADATA + "</" + name
                    + "Response>";
        }

        String wrappedRequest() {
            return "<" + name + " xmlns='" + NS + "'>" + request + "</" + name + ">";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Operation> operations() {
        return Stream.of(
                new Operation("ActivateDesktopProduct",
                        "<ActivationKey>ADMAY7DVLJTWHJ76MMBMQEXAMPLE</ActivationKey>"
                                + "<ProductToken>{ProductToken}AAAAVGVzdA==</ProductToken>"
                                + "<TokenExpiration>PT3600S</TokenExpiration>",
                        "<ActivateDesktopProductResult><UserToken>{UserToken}AAAAVGVzdA==</UserToken>"
                                + "<AWSAccessKeyId>AKIAEXAMPLEEXAMPLE12</AWSAccessKeyId>"
                                + "<SecretAccessKey>wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12</SecretAccessKey>"
                                + "</ActivateDesktopProductResult>"),
                new Operation("ActivateHostedProduct",
                        "<ActivationKey>ADMAY7DVLJTWHJ76MMBMQEXAMPLE</ActivationKey>"
                                + "<ProductToken>{ProductToken}AAAAVGVzdA==</ProductToken>",
                        "<ActivateHostedProductResult><UserToken>{UserToken}AAAAVGVzdA==</UserToken>"
                                + "<PersistentIdentifier>PID0000000000000001</PersistentIdentifier>"
                                + "</ActivateHostedProductResult>"),
                new Operation("RefreshUserToken",
                        "<UserToken>{UserToken}AAAAVGVzdA==</UserToken>"
                                + "<AdditionalTokens>{ProductToken}AAAA</AdditionalTokens>"
                                + "<AdditionalTokens>{ProductToken}BBBB</AdditionalTokens>",
                        "<RefreshUserTokenResult><UserToken>{UserToken}BBBBVGVzdA==</UserToken>"
                                + "</RefreshUserTokenResult>"),
                new Operation("VerifyProductSubscriptionByTokens",
                        "<UserToken>{UserToken}AAAAVGVzdA==</UserToken>"
                                + "<ProductToken>{ProductToken}AAAAVGVzdA==</ProductToken>",
                        "<VerifyProductSubscriptionByTokensResult><Subscribed>true</Subscribed>"
                                + "</VerifyProductSubscriptionByTokensResult>"),
                new Operation("VerifyProductSubscriptionByPid",
                        "<PersistentIdentifier>PID0000000000000001</PersistentIdentifier>"
                                + "<ProductCode>6883959E</ProductCode>",
                        "<VerifyProductSubscriptionByPidResult><Subscribed>false</Subscribed>"
                                + "</VerifyProductSubscriptionByPidResult>"),
                new Operation("GetActiveSubscriptionsByPid",
                        "<PersistentIdentifier>PID0000000000000001</PersistentIdentifier>",
                        "<GetActiveSubscriptionsByPidResult><ProductCode>6883959E</ProductCode>"
                                + "<ProductCode>A1B2C3D4</ProductCode></GetActiveSubscriptionsByPidResult>"));
    }

    @BeforeAll
    static void loadShippedSchema() throws SAXException {
        URL xsd = ContractSchemaTest.class.getClassLoader().getResource(LicenseServiceFacts.XSD_CLASSPATH_LOCATION);
        assertThat(xsd).as("the XSD ships in the jar at %s", LicenseServiceFacts.XSD_CLASSPATH_LOCATION).isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        schema = factory.newSchema(xsd);
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void validRequest_isAccepted(Operation op) {
        assertThatCode(() -> validate(op.wrappedRequest())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void validResponse_isAccepted(Operation op) {
        assertThatCode(() -> validate(op.response())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void request_missingFirstRequiredChild_isRejected(Operation op) {
        String firstChild = op.request().substring(0, op.request().indexOf('>', op.request().indexOf("</")) + 1);
        String broken = "<" + op.name() + " xmlns='" + NS + "'>" + op.request().substring(firstChild.length())
                + "</" + op.name() + ">";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void response_withMetadataBeforeResult_isRejected(Operation op) {
        String broken = "<" + op.name() + "Response xmlns='" + NS + "'>" + RESPONSE_METADATA + op.responseResult()
                + "</" + op.name() + "Response>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void response_withoutResponseMetadata_isRejected(Operation op) {
        String broken = "<" + op.name() + "Response xmlns='" + NS + "'>" + op.responseResult() + "</" + op.name()
                + "Response>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void request_withUnknownElement_isRejected(Operation op) {
        String broken = "<" + op.name() + " xmlns='" + NS + "'>" + op.request() + "<Unexpected>x</Unexpected></"
                + op.name() + ">";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void request_inNoNamespace_isRejected(Operation op) {
        String broken = "<" + op.name() + ">" + op.request().replace(" xmlns='" + NS + "'", "") + "</" + op.name()
                + ">";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @Test
    void activateDesktopProduct_withChildrenOutOfOrder_isRejected() {
        String broken = "<ActivateDesktopProduct xmlns='" + NS + "'>"
                + "<ProductToken>{ProductToken}AAAA</ProductToken><ActivationKey>K</ActivationKey>"
                + "</ActivateDesktopProduct>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @Test
    void activateDesktopProduct_resultMissingSecretAccessKey_isRejected() {
        String broken = "<ActivateDesktopProductResponse xmlns='" + NS + "'><ActivateDesktopProductResult>"
                + "<UserToken>{UserToken}AAAA</UserToken><AWSAccessKeyId>AKIAEXAMPLEEXAMPLE12</AWSAccessKeyId>"
                + "</ActivateDesktopProductResult>" + RESPONSE_METADATA + "</ActivateDesktopProductResponse>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @Test
    void activateDesktopProduct_tokenExpirationThatIsNotADuration_isRejected() {
        String broken = "<ActivateDesktopProduct xmlns='" + NS + "'><ActivationKey>K</ActivationKey>"
                + "<ProductToken>{ProductToken}AAAA</ProductToken><TokenExpiration>3600</TokenExpiration>"
                + "</ActivateDesktopProduct>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @Test
    void activateDesktopProduct_withoutTokenExpiration_isAccepted() {
        String valid = "<ActivateDesktopProduct xmlns='" + NS + "'><ActivationKey>K</ActivationKey>"
                + "<ProductToken>{ProductToken}AAAA</ProductToken></ActivateDesktopProduct>";
        assertThatCode(() -> validate(valid)).doesNotThrowAnyException();
    }

    @Test
    void subscribed_thatIsNotABoolean_isRejected() {
        for (String op : List.of("VerifyProductSubscriptionByTokens", "VerifyProductSubscriptionByPid")) {
            String broken = "<" + op + "Response xmlns='" + NS + "'><" + op + "Result><Subscribed>maybe</Subscribed></"
                    + op + "Result>" + RESPONSE_METADATA + "</" + op + "Response>";
            assertThatThrownBy(() -> validate(broken)).as(op).isInstanceOf(SAXException.class);
        }
    }

    @Test
    void getActiveSubscriptionsByPid_withNoProductCodes_isAccepted() {
        String valid = "<GetActiveSubscriptionsByPidResponse xmlns='" + NS + "'><GetActiveSubscriptionsByPidResult/>"
                + RESPONSE_METADATA + "</GetActiveSubscriptionsByPidResponse>";
        assertThatCode(() -> validate(valid)).doesNotThrowAnyException();
    }

    @Test
    void errorResponse_withSenderErrorAndDetail_isAccepted() {
        String valid = "<ErrorResponse xmlns='" + NS + "'><Error><Type>Sender</Type>"
                + "<Code>ExpiredActivationKey</Code><Message>The activation key has expired.</Message>"
                + "<Detail><Anything xmlns='urn:x'>lax</Anything></Detail></Error>"
                + "<RequestId>cb919c0a-9bce-4afe-9b48-9bdf2412bb67</RequestId></ErrorResponse>";
        assertThatCode(() -> validate(valid)).doesNotThrowAnyException();
    }

    @Test
    void errorResponse_withUnknownErrorType_isRejected() {
        String broken = "<ErrorResponse xmlns='" + NS + "'><Error><Type>Customer</Type>"
                + "<Code>X</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }

    @Test
    void errorResponse_withoutError_isRejected() {
        String broken = "<ErrorResponse xmlns='" + NS + "'><RequestId>r</RequestId></ErrorResponse>";
        assertThatThrownBy(() -> validate(broken)).isInstanceOf(SAXException.class);
    }
}
