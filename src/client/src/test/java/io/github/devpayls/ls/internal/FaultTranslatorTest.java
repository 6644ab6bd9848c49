package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPFault;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FaultTranslatorTest {

    private static final String REQUEST_ID = "2bd4b1d6-9e5c-4c4c-8a5e-3f2f6d7f0a11";

    private static Element detailWithRequestId(String prefix, String namespace, String id) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().newDocument();
        Element detail = doc.createElement("detail");
        Element requestId = doc.createElementNS(namespace, prefix == null ? "RequestId" : prefix + ":RequestId");
        requestId.setTextContent(id);
        detail.appendChild(requestId);
        return detail;
    }

    @ParameterizedTest
    @CsvSource({
        "Client.ExpiredActivationKey, EXPIRED_ACTIVATION_KEY, SENDER",
        "Client.IncorrectActivationKey, INCORRECT_ACTIVATION_KEY, SENDER",
        "Client.InvalidActivationKey, INVALID_ACTIVATION_KEY, SENDER",
        "Client.InvalidProductToken, INVALID_PRODUCT_TOKEN, SENDER",
        "Client.MissingParameter, MISSING_PARAMETER, SENDER",
        "Server.InternalError, INTERNAL_ERROR, RECEIVER",
        "Server.RequestThrottled, REQUEST_THROTTLED, RECEIVER",
        "Server.ServiceUnavailable, SERVICE_UNAVAILABLE, RECEIVER",
    })
    void translate_whenCodeHasPrefix_mapsCodeAndType(String raw, ServiceErrorCode code, FaultType type) throws Exception {
        ServiceError error = FaultTranslator.translate(raw, "text",
                detailWithRequestId("aws", LicenseServiceFacts.AWS_FAULT_NAMESPACE, REQUEST_ID), List.of());

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.rawCode()).isEqualTo(raw);
        assertThat(error.requestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));
        assertThat(error.action()).isEqualTo(code.action()).isNotBlank();
    }

    @Test
    void translate_whenCodeLacksPrefix_usesTheCodesUsualType() {
        ServiceError error = FaultTranslator.translate("ExpiredActivationKey", "expired", null, List.of());

        assertThat(error.code()).isEqualTo(ServiceErrorCode.EXPIRED_ACTIVATION_KEY);
        assertThat(error.type()).isEqualTo(FaultType.SENDER);
        assertThat(error.requestId()).isEmpty();
    }

    @Test
    void translate_whenCodeIsUnknown_keepsRawCodeAndPrefixType() {
        ServiceError error = FaultTranslator.translate("aws:Server.QuantumFluxOverload", "flux", null, List.of());

        assertThat(error.code()).isEqualTo(ServiceErrorCode.UNKNOWN);
        assertThat(error.rawCode()).isEqualTo("Server.QuantumFluxOverload");
        assertThat(error.type()).isEqualTo(FaultType.RECEIVER);
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void translate_whenUnknownCodeWithoutPrefix_hasUnknownType() {
        ServiceError error = FaultTranslator.translate("Gremlins", null, null, List.of());

        assertThat(error.code()).isEqualTo(ServiceErrorCode.UNKNOWN);
        assertThat(error.type()).isEqualTo(FaultType.UNKNOWN);
        assertThat(error.message()).isEmpty();
    }

    @Test
    void translate_whenBareSoapCode_takesTypeFromIt() {
        assertThat(FaultTranslator.translate("Client", "bad", null, List.of()).type()).isEqualTo(FaultType.SENDER);
        assertThat(FaultTranslator.translate("Server", "bad", null, List.of()).type()).isEqualTo(FaultType.RECEIVER);
    }

    @Test
    void translate_whenCodeMissing_isUnknownNotAnError() {
        ServiceError error = FaultTranslator.translate(null, null, null, List.of());

        assertThat(error.code()).isEqualTo(ServiceErrorCode.UNKNOWN);
        assertThat(error.rawCode()).isEmpty();
    }

    @Test
    void translate_whenRequestIdUnprefixedOrInOtherNamespace_stillFindsIt() throws Exception {
        assertThat(FaultTranslator.translate("Client.InvalidActivationKey", "x",
                detailWithRequestId(null, null, " " + REQUEST_ID + "\n"), List.of()).requestId())
                .hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));
        assertThat(FaultTranslator.translate("Client.InvalidActivationKey", "x",
                detailWithRequestId("x", "urn:other", REQUEST_ID), List.of()).requestId()).isPresent();
    }

    @Test
    void translate_whenDetailHasNoRequestId_hasNone() throws Exception {
        Element detail = detailWithRequestId("aws", LicenseServiceFacts.AWS_FAULT_NAMESPACE, "  ");
        assertThat(FaultTranslator.translate("Client.InvalidActivationKey", "x", detail, List.of()).requestId()).isEmpty();
    }

    @Test
    void translate_whenMessageEchoesTheKey_masksIt() {
        ServiceError error = FaultTranslator.translate("Client.InvalidActivationKey",
                "Key ADMAY7DVLJTWHJ76MMBMQEXAMPLE is not valid", null, List.of("ADMAY7DVLJTWHJ76MMBMQEXAMPLE"));

        assertThat(error.message()).isEqualTo("Key **** is not valid");
        assertThat(error.toString()).doesNotContain("ADMAY7DVLJTWHJ76MMBMQEXAMPLE");
    }

    @Test
    void translate_fromSaajFault_readsCodeStringAndDetail() throws Exception {
        SOAPFault fault = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage()
                .getSOAPBody().addFault();
        fault.setFaultCode(new QName(LicenseServiceFacts.AWS_FAULT_NAMESPACE, "Client.IncorrectActivationKey", "aws"));
        fault.setFaultString("The key belongs to another product");
        fault.addDetail().addDetailEntry(new QName(LicenseServiceFacts.AWS_FAULT_NAMESPACE, "RequestId", "aws"))
                .addTextNode(REQUEST_ID);

        ServiceError error = FaultTranslator.translate(fault, List.of());

        assertThat(error.code()).isEqualTo(ServiceErrorCode.INCORRECT_ACTIVATION_KEY);
        assertThat(error.type()).isEqualTo(FaultType.SENDER);
        assertThat(error.message()).isEqualTo("The key belongs to another product");
        assertThat(error.requestId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo(REQUEST_ID));
    }
}
