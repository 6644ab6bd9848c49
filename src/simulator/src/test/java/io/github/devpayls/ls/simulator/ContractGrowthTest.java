package io.github.devpayls.ls.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What future-contract mode adds where, on a SOAP answer and a REST-Query one; faults stay as they are. */
class ContractGrowthTest {

    static final String NS = "http://ls.amazonaws.com/doc/2008-04-28/";
    static final String SOAP = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<ns2:ActivateDesktopProductResponse xmlns:ns2=\"" + NS + "\"><ns2:ActivateDesktopProductResult>"
            + "<ns2:UserToken>{UserToken}QUJD</ns2:UserToken><ns2:AWSAccessKeyId>K</ns2:AWSAccessKeyId>"
            + "<ns2:SecretAccessKey>S</ns2:SecretAccessKey></ns2:ActivateDesktopProductResult>"
            + "<ns2:ResponseMetadata><ns2:RequestId>r</ns2:RequestId></ns2:ResponseMetadata>"
            + "</ns2:ActivateDesktopProductResponse></soap:Body></soap:Envelope>";
    static final String REST = "<?xml version=\"1.0\"?><RefreshUserTokenResponse xmlns=\"" + NS + "\">"
            + "<RefreshUserTokenResult><UserToken>{UserToken}QUJD</UserToken></RefreshUserTokenResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></RefreshUserTokenResponse>";

    static String grow(String xml, Set<ContractAddition> additions) {
        return new String(ContractGrowth.grow(xml.getBytes(StandardCharsets.UTF_8), additions), StandardCharsets.UTF_8);
    }

    @Test
    void eachElementAddition_landsWhereItsNameSays_inTheResultsNamespacePrefix() {
        String future = "<ns2:FutureField>" + SimulatorFacts.FUTURE_VALUE + "</ns2:FutureField>";

        assertThat(grow(SOAP, EnumSet.of(ContractAddition.RESULT_START)))
                .contains("<ns2:ActivateDesktopProductResult>" + future + "<ns2:UserToken>");
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.RESULT_MIDDLE)))
                .contains("</ns2:UserToken>" + future + "<ns2:AWSAccessKeyId>");
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.RESULT_END)))
                .contains("</ns2:SecretAccessKey>" + future + "</ns2:ActivateDesktopProductResult>");
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.RESPONSE_START)))
                .contains("xmlns:ns2=\"" + NS + "\">" + future + "<ns2:ActivateDesktopProductResult>");
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.INSIDE_RESPONSE_METADATA)))
                .contains("</ns2:RequestId>" + future + "</ns2:ResponseMetadata>");
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.AFTER_RESPONSE_METADATA)))
                .contains("</ns2:ResponseMetadata>" + future + "</ns2:ActivateDesktopProductResponse>");
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.FOREIGN_NAMESPACE)))
                .contains("</ns2:UserToken>" + SimulatorFacts.FUTURE_FOREIGN_ELEMENT);
        assertThat(grow(SOAP, EnumSet.of(ContractAddition.SOAP_HEADER)))
                .contains("<soap:Header>" + SimulatorFacts.FUTURE_HEADER_BLOCK + "</soap:Header><soap:Body>");
    }

    @Test
    void unknownAttributes_goOnTheResponseTheResultItsFirstChildAndResponseMetadata() {
        String grown = grow(REST, EnumSet.of(ContractAddition.UNKNOWN_ATTRIBUTES));

        assertThat(grown).contains("<RefreshUserTokenResponse xmlns=\"" + NS + "\"" + SimulatorFacts.FUTURE_ATTRIBUTES + ">")
                .contains("<RefreshUserTokenResult" + SimulatorFacts.FUTURE_ATTRIBUTES + ">")
                .contains("<UserToken" + SimulatorFacts.FUTURE_ATTRIBUTES + ">{UserToken}QUJD</UserToken>")
                .contains("<ResponseMetadata" + SimulatorFacts.FUTURE_ATTRIBUTES + ">");
    }

    @Test
    void restAnswer_hasNoSoapHeaderToGrow() {
        assertThat(grow(REST, EnumSet.of(ContractAddition.SOAP_HEADER))).isEqualTo(REST);
    }

    @ParameterizedTest
    @EnumSource(ContractAddition.class)
    void answersWithoutAResult_faultsAndErrorResponses_stayAsTheyAre(ContractAddition addition) {
        String fault = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>aws:Client.InvalidActivationKey</faultcode><faultstring>no</faultstring></soap:Fault>"
                + "</soap:Body></soap:Envelope>";
        String error = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>X</Code></Error>"
                + "<RequestId>r</RequestId></ErrorResponse>";

        assertThat(grow(fault, EnumSet.of(addition))).isEqualTo(fault);
        assertThat(grow(error, EnumSet.of(addition))).isEqualTo(error);
    }

    @Test
    void everyAddition_atOnce_keepsTheCredentialValuesIntact() {
        String grown = grow(SOAP, ContractAddition.all());

        assertThat(grown).contains(">{UserToken}QUJD</ns2:UserToken>").contains(">K</ns2:AWSAccessKeyId>")
                .contains(">S</ns2:SecretAccessKey>").contains(">r</ns2:RequestId>");
    }
}
