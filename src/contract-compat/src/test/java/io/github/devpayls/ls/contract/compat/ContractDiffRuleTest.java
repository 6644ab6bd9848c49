package io.github.devpayls.ls.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One small edit of a small contract per case; each case pins one rule and its kind. */
class ContractDiffRuleTest {

    private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

    @TempDir
    Path dir;

    private static final String ECHO_TEXT = "<xs:element name=\"Text\" type=\"xs:string\"/>\n        <xs:element name=\"Count\"";
    private static final String RESULT_TEXT = "<xs:element name=\"Text\" type=\"xs:string\"/>\n        <xs:element name=\"Note\"";
    private static final String ECHO_END = "</xs:sequence>\n      <xs:attribute name=\"lang\"";
    private static final String RESULT_END = "</xs:sequence>\n    </xs:complexType>\n  </xs:element>\n  <xs:element name=\"Fault\">";

    static Stream<Arguments> cases() {
        return Stream.of(
                // Additions.
                c("a new optional response element is compatible",
                        m -> m.xsd(RESULT_END, "  <xs:element name=\"Extra\" type=\"xs:string\" minOccurs=\"0\"/>\n" + RESULT_END),
                        "COMPATIBLE added-optional-element EchoResult/Extra"),
                c("a new required response element is compatible: the server always sends it, old clients ignore it",
                        m -> m.xsd(RESULT_END, "  <xs:element name=\"Extra\" type=\"xs:string\"/>\n" + RESULT_END),
                        "COMPATIBLE added-required-element EchoResult/Extra"),
                c("a new optional request element is compatible",
                        m -> m.xsd(ECHO_END, "  <xs:element name=\"Extra\" type=\"xs:string\" minOccurs=\"0\"/>\n" + ECHO_END),
                        "COMPATIBLE added-optional-element Echo/Extra"),
                c("a new required request element breaks deployed clients that do not send it",
                        m -> m.xsd(ECHO_END, "  <xs:element name=\"Extra\" type=\"xs:string\"/>\n" + ECHO_END),
                        "BREAKING added-required-element Echo/Extra"),
                c("a new choice in a response breaks clients that know only the old choices",
                        m -> m.xsd("<xs:element name=\"Failed\" type=\"xs:string\"/>",
                                "<xs:element name=\"Failed\" type=\"xs:string\"/><xs:element name=\"Maybe\" type=\"xs:string\"/>"),
                        "BREAKING added-choice-option EchoResult/Outcome/Maybe"),
                c("a new global element is compatible",
                        m -> m.xsd("<xs:element name=\"Fault\">", "<xs:element name=\"Other\" type=\"xs:string\"/><xs:element name=\"Fault\">"),
                        "COMPATIBLE added-global-element Other"),
                c("a new optional wildcard in a request is compatible",
                        m -> m.xsd(ECHO_END, "  <xs:any namespace=\"##other\" processContents=\"lax\" minOccurs=\"0\"/>\n" + ECHO_END),
                        "COMPATIBLE added-wildcard Echo/xs:any"),
                c("a new optional attribute is compatible",
                        m -> m.xsd("<xs:attribute name=\"lang\" type=\"xs:string\"/>",
                                "<xs:attribute name=\"lang\" type=\"xs:string\"/><xs:attribute name=\"id\" type=\"xs:string\"/>"),
                        "COMPATIBLE added-optional-attribute Echo/@id"),
                c("a new required request attribute breaks deployed clients",
                        m -> m.xsd("<xs:attribute name=\"lang\" type=\"xs:string\"/>",
                                "<xs:attribute name=\"lang\" type=\"xs:string\"/><xs:attribute name=\"id\" type=\"xs:string\" use=\"required\"/>"),
                        "BREAKING added-required-attribute Echo/@id"),
                // Removals and renames.
                c("a removed response element breaks clients that read it",
                        m -> m.xsd("<xs:element name=\"Note\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"3\"/>", ""),
                        "BREAKING removed-element EchoResult/Note"),
                c("a removed request element breaks clients that send it",
                        m -> m.xsd("<xs:element name=\"Count\" type=\"xs:int\" minOccurs=\"0\"/>", ""),
                        "BREAKING removed-element Echo/Count"),
                c("a renamed element is a removal and an addition",
                        m -> m.xsd(RESULT_TEXT, RESULT_TEXT.replace("\"Text\"", "\"Words\"")),
                        "BREAKING removed-element EchoResult/Text", "COMPATIBLE added-required-element EchoResult/Words"),
                c("a removed global element breaks",
                        m -> m.xsd("<xs:element name=\"Fault\">\n    <xs:complexType>\n      <xs:sequence>\n"
                                + "        <xs:element name=\"Code\" type=\"xs:string\"/>\n      </xs:sequence>\n"
                                + "    </xs:complexType>\n  </xs:element>", ""),
                        "BREAKING removed-element Fault"),
                c("a removed wildcard breaks",
                        m -> m.xsd("<xs:any namespace=\"##other\" processContents=\"lax\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>", ""),
                        "BREAKING removed-wildcard EchoResult/Detail/xs:any"),
                c("a removed attribute breaks",
                        m -> m.xsd("<xs:attribute name=\"lang\" type=\"xs:string\"/>", ""),
                        "BREAKING removed-attribute Echo/@lang"),
                // Order and structure.
                c("a reordered sequence breaks",
                        m -> m.xsd(ECHO_TEXT, "<xs:element name=\"Count\" type=\"xs:int\" minOccurs=\"0\"/>\n        "
                                + "<xs:element name=\"Text\" type=\"xs:string\"/>\n        <xs:element name=\"Drop\" type=\"xs:string\" minOccurs=\"0\"/>\n        <xs:element name=\"Count\"")
                                .xsd("<xs:element name=\"Count\" type=\"xs:int\" minOccurs=\"0\"/>\n        <xs:element name=\"Tags\"",
                                        "<xs:element name=\"Tags\""),
                        "BREAKING reordered-sequence Echo", "COMPATIBLE added-optional-element Echo/Drop"),
                c("a changed compositor breaks",
                        m -> m.xsd("<xs:sequence>\n              <xs:any", "<xs:choice>\n              <xs:any")
                                .xsd("</xs:sequence>\n            <xs:anyAttribute", "</xs:choice>\n            <xs:anyAttribute"),
                        "BREAKING changed-compositor EchoResult/Detail"),
                c("a nested group is compared as a whole",
                        m -> m.xsd(ECHO_END, "  <xs:sequence minOccurs=\"0\"><xs:element name=\"A\" type=\"xs:string\"/></xs:sequence>\n" + ECHO_END),
                        "BREAKING changed-content-model Echo"),
                c("mixed content breaks",
                        m -> m.xsd("<xs:element name=\"Fault\">\n    <xs:complexType>", "<xs:element name=\"Fault\">\n    <xs:complexType mixed=\"true\">"),
                        "BREAKING changed-mixed Fault"),
                c("a local element turned into a reference breaks",
                        m -> m.xsd("<xs:element ref=\"tns:EchoResult\"/>", "<xs:element name=\"EchoResult\" type=\"xs:string\"/>"),
                        "BREAKING changed-type EchoResponse/EchoResult"),
                // Occurrences, by direction.
                c("a raised maxOccurs in a request is compatible",
                        m -> m.xsd("name=\"Tags\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"3\"", "name=\"Tags\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\""),
                        "COMPATIBLE raised-max-occurs Echo/Tags"),
                c("a raised maxOccurs in a response breaks",
                        m -> m.xsd("name=\"Note\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"3\"", "name=\"Note\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"4\""),
                        "BREAKING raised-max-occurs EchoResult/Note"),
                c("a lowered maxOccurs in a request breaks",
                        m -> m.xsd("name=\"Tags\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"3\"", "name=\"Tags\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"2\""),
                        "BREAKING lowered-max-occurs Echo/Tags"),
                c("a lowered maxOccurs in a response is compatible",
                        m -> m.xsd("name=\"Note\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"3\"", "name=\"Note\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"2\""),
                        "COMPATIBLE lowered-max-occurs EchoResult/Note"),
                c("a lowered minOccurs in a request is compatible",
                        m -> m.xsd(ECHO_TEXT, ECHO_TEXT.replace("type=\"xs:string\"/>", "type=\"xs:string\" minOccurs=\"0\"/>")),
                        "COMPATIBLE lowered-min-occurs Echo/Text"),
                c("a lowered minOccurs in a response breaks clients that need the element",
                        m -> m.xsd(RESULT_TEXT, RESULT_TEXT.replace("type=\"xs:string\"/>", "type=\"xs:string\" minOccurs=\"0\"/>")),
                        "BREAKING lowered-min-occurs EchoResult/Text"),
                c("a raised minOccurs in a request breaks",
                        m -> m.xsd("name=\"Count\" type=\"xs:int\" minOccurs=\"0\"", "name=\"Count\" type=\"xs:int\" minOccurs=\"1\""),
                        "BREAKING raised-min-occurs Echo/Count"),
                c("a raised minOccurs in a response is compatible",
                        m -> m.xsd("name=\"Note\" type=\"xs:string\" minOccurs=\"0\"", "name=\"Note\" type=\"xs:string\" minOccurs=\"1\""),
                        "COMPATIBLE raised-min-occurs EchoResult/Note"),
                c("an element no operation uses counts as both directions",
                        m -> m.xsd("<xs:element name=\"Code\" type=\"xs:string\"/>", "<xs:element name=\"Code\" type=\"xs:string\" minOccurs=\"0\"/>"),
                        "BREAKING lowered-min-occurs Fault/Code"),
                // Leaf types.
                c("a changed leaf type breaks",
                        m -> m.xsd(ECHO_TEXT, ECHO_TEXT.replace("xs:string", "xs:int")),
                        "BREAKING changed-type Echo/Text"),
                c("an enumeration value added in a request is compatible",
                        m -> m.xsd("<xs:enumeration value=\"B\"/>", "<xs:enumeration value=\"B\"/><xs:enumeration value=\"C\"/>"),
                        "COMPATIBLE added-enumeration-value Echo/Mode"),
                c("an enumeration value added in a response breaks",
                        m -> m.xsd("<xs:enumeration value=\"High\"/>", "<xs:enumeration value=\"High\"/><xs:enumeration value=\"Top\"/>"),
                        "BREAKING added-enumeration-value EchoResult/Level"),
                c("an enumeration value removed from a request breaks",
                        m -> m.xsd("<xs:enumeration value=\"B\"/>", ""),
                        "BREAKING removed-enumeration-value Echo/Mode"),
                c("an enumeration value removed from a response is compatible",
                        m -> m.xsd("<xs:enumeration value=\"High\"/>", ""),
                        "COMPATIBLE removed-enumeration-value EchoResult/Level"),
                c("a changed facet breaks",
                        m -> m.xsd("<xs:enumeration value=\"B\"/>", "<xs:enumeration value=\"B\"/><xs:maxLength value=\"1\"/>"),
                        "BREAKING changed-facet Echo/Mode"),
                c("a response element that becomes nillable breaks",
                        m -> m.xsd(RESULT_TEXT, RESULT_TEXT.replace("type=\"xs:string\"/>", "type=\"xs:string\" nillable=\"true\"/>")),
                        "BREAKING made-nillable EchoResult/Text"),
                c("a request element that becomes nillable is compatible",
                        m -> m.xsd(ECHO_TEXT, ECHO_TEXT.replace("type=\"xs:string\"/>", "type=\"xs:string\" nillable=\"true\"/>")),
                        "COMPATIBLE made-nillable Echo/Text"),
                c("a new default value breaks",
                        m -> m.xsd("name=\"Count\" type=\"xs:int\" minOccurs=\"0\"", "name=\"Count\" type=\"xs:int\" minOccurs=\"0\" default=\"1\""),
                        "BREAKING changed-value-constraint Echo/Count"),
                c("a widened element wildcard breaks",
                        m -> m.xsd("<xs:any namespace=\"##other\"", "<xs:any namespace=\"##any\""),
                        "BREAKING changed-wildcard EchoResult/Detail/xs:any"),
                c("a changed attribute wildcard breaks",
                        m -> m.xsd("<xs:anyAttribute namespace=\"##other\"", "<xs:anyAttribute namespace=\"##any\""),
                        "BREAKING changed-wildcard EchoResult/Detail/@xs:anyAttribute"),
                c("a request attribute made required breaks",
                        m -> m.xsd("<xs:attribute name=\"lang\" type=\"xs:string\"/>", "<xs:attribute name=\"lang\" type=\"xs:string\" use=\"required\"/>"),
                        "BREAKING made-attribute-required Echo/@lang"),
                // The schema as a whole.
                c("a changed elementFormDefault breaks",
                        m -> m.xsd("elementFormDefault=\"qualified\"", "elementFormDefault=\"unqualified\""),
                        "BREAKING changed-element-form-default xsd:schema/@elementFormDefault"),
                c("a changed attributeFormDefault breaks",
                        m -> m.xsd("elementFormDefault=\"qualified\"", "elementFormDefault=\"qualified\" attributeFormDefault=\"qualified\""),
                        "BREAKING changed-attribute-form-default xsd:schema/@attributeFormDefault"),
                c("a changed target namespace is one difference per document, not every element",
                        m -> m.everywhere("urn:test:echo:1", "urn:test:echo:2"),
                        "BREAKING changed-namespace wsdl:definitions/@targetNamespace",
                        "BREAKING changed-namespace xsd:schema/@targetNamespace"),
                c("a changed schema version breaks",
                        m -> m.xsd("version=\"1\"", "version=\"2\""),
                        "BREAKING changed-version xsd:schema/@version"),
                // WSDL.
                c("a new operation is compatible",
                        m -> m.wsdl("</wsdl:portType>", "  <wsdl:operation name=\"Echo2\"><wsdl:input message=\"tns:EchoRequest\"/>"
                                + "<wsdl:output message=\"tns:EchoResponse\"/></wsdl:operation>\n  </wsdl:portType>")
                                .wsdl("</wsdl:binding>", "<wsdl:operation name=\"Echo2\"><soap:operation soapAction=\"Echo2\"/>"
                                        + "<wsdl:input><soap:body use=\"literal\"/></wsdl:input><wsdl:output><soap:body use=\"literal\"/>"
                                        + "</wsdl:output></wsdl:operation></wsdl:binding>"),
                        "COMPATIBLE added-operation wsdl:operation/Echo2"),
                c("a removed operation breaks",
                        m -> m.wsdl("""
                                    <wsdl:operation name="Echo">
                                      <wsdl:documentation>Echoes the text.</wsdl:documentation>
                                      <wsdl:input message="tns:EchoRequest"/>
                                      <wsdl:output message="tns:EchoResponse"/>
                                    </wsdl:operation>
                                """, "")
                                .wsdl("""
                                    <wsdl:operation name="Echo">
                                      <soap:operation soapAction="Echo" style="document"/>
                                      <wsdl:input><soap:body use="literal"/></wsdl:input>
                                      <wsdl:output><soap:body use="literal"/></wsdl:output>
                                    </wsdl:operation>
                                """, ""),
                        "BREAKING removed-operation wsdl:operation/Echo"),
                c("an operation that loses its output breaks",
                        m -> m.wsdl("<wsdl:output message=\"tns:EchoResponse\"/>", "")
                                .wsdl("<wsdl:output><soap:body use=\"literal\"/></wsdl:output>", ""),
                        "BREAKING changed-operation-kind wsdl:operation/Echo"),
                c("a renamed message breaks",
                        m -> m.wsdl("<wsdl:message name=\"EchoRequest\">", "<wsdl:message name=\"EchoIn\">")
                                .wsdl("<wsdl:input message=\"tns:EchoRequest\"/>", "<wsdl:input message=\"tns:EchoIn\"/>"),
                        "BREAKING renamed-message wsdl:operation/Echo/input"),
                c("a changed message part breaks",
                        m -> m.wsdl("<wsdl:part name=\"body\" element=\"tns:Echo\"/>", "<wsdl:part name=\"parameters\" element=\"tns:Echo\"/>"),
                        "BREAKING changed-message-part wsdl:operation/Echo/input"),
                c("a new fault breaks clients that do not expect it",
                        m -> m.wsdl("<wsdl:output message=\"tns:EchoResponse\"/>",
                                "<wsdl:output message=\"tns:EchoResponse\"/><wsdl:fault name=\"Oops\" message=\"tns:EchoResponse\"/>"),
                        "BREAKING added-fault wsdl:operation/Echo/fault/Oops"),
                c("a changed soapAction breaks",
                        m -> m.wsdl("soapAction=\"Echo\"", "soapAction=\"urn:Echo\""),
                        "BREAKING changed-soap-action wsdl:binding/B/Echo"),
                c("a changed binding style breaks",
                        m -> m.wsdl("<soap:binding style=\"document\"", "<soap:binding style=\"rpc\""),
                        "BREAKING changed-binding-style wsdl:binding/B"),
                c("a changed body use breaks",
                        m -> m.wsdl("<wsdl:input><soap:body use=\"literal\"/></wsdl:input>", "<wsdl:input><soap:body use=\"encoded\"/></wsdl:input>"),
                        "BREAKING changed-binding-use wsdl:binding/B/Echo/input"),
                c("a changed transport breaks",
                        m -> m.wsdl("transport=\"http://schemas.xmlsoap.org/soap/http\"", "transport=\"http://example.invalid/jms\""),
                        "BREAKING changed-transport wsdl:binding/B"),
                c("a change of SOAP version breaks",
                        m -> m.wsdl("xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"", "xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap12/\""),
                        "BREAKING changed-soap-version wsdl:binding/B"),
                c("an operation the binding no longer binds breaks",
                        m -> m.wsdl("""
                                    <wsdl:operation name="Echo">
                                      <soap:operation soapAction="Echo" style="document"/>
                                      <wsdl:input><soap:body use="literal"/></wsdl:input>
                                      <wsdl:output><soap:body use="literal"/></wsdl:output>
                                    </wsdl:operation>
                                """, ""),
                        "BREAKING removed-binding-operation wsdl:binding/B/Echo"),
                c("a renamed port type breaks",
                        m -> m.wsdl("<wsdl:portType name=\"P\">", "<wsdl:portType name=\"Q\">").wsdl("type=\"tns:P\"", "type=\"tns:Q\""),
                        "BREAKING changed-port-type-name wsdl:portType/P"),
                c("a renamed binding breaks",
                        m -> m.wsdl("<wsdl:binding name=\"B\"", "<wsdl:binding name=\"C\"").wsdl("binding=\"tns:B\"", "binding=\"tns:C\""),
                        "BREAKING changed-binding-name wsdl:binding/B", "BREAKING changed-port-binding wsdl:service/S/Port"),
                c("a renamed service breaks",
                        m -> m.wsdl("<wsdl:service name=\"S\">", "<wsdl:service name=\"T\">"),
                        "BREAKING changed-service-name wsdl:service/S"),
                c("a renamed port breaks",
                        m -> m.wsdl("<wsdl:port name=\"Port\"", "<wsdl:port name=\"Port1\""),
                        "BREAKING changed-port-name wsdl:service/S/Port"),
                c("a new port is compatible",
                        m -> m.wsdl("</wsdl:service>", "<wsdl:port name=\"Port2\" binding=\"tns:B\"><soap:address location=\"https://echo.example.invalid/\"/>"
                                + "</wsdl:port></wsdl:service>"),
                        "COMPATIBLE added-port wsdl:service/S/Port2"),
                c("a changed default address breaks deployed clients",
                        m -> m.wsdl("https://echo.example.invalid/", "https://echo2.example.invalid/"),
                        "BREAKING changed-address wsdl:service/S/Port"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compare_classifiesTheEdit(UnaryOperator<MiniContract> edit, List<String> expectedIds) {
        Contract baseline = MiniContract.original().load(dir.resolve("baseline"));
        Contract working = edit.apply(MiniContract.original()).load(dir.resolve("working"));

        List<Difference> differences = ContractDiff.compare(baseline, working);

        assertThat(differences).extracting(Difference::id).containsExactlyInAnyOrderElementsOf(expectedIds);
        for (Difference d : differences) {
            assertThat(d.message()).contains(d.rule().id()).contains(leafName(d.path()));
            COVERED.add(d.rule());
        }
    }

    @Test
    void compare_ofAContractWithItself_findsNothing() {
        Contract a = MiniContract.original().load(dir.resolve("a"));
        Contract b = MiniContract.original().load(dir.resolve("b"));

        assertThat(ContractDiff.compare(a, b)).isEmpty();
    }

    @Test
    void compare_ignoresDocumentation() {
        Contract a = MiniContract.original().load(dir.resolve("a"));
        Contract b = MiniContract.original().wsdl("Echoes the text.", "Returns what it is sent.").load(dir.resolve("b"));

        assertThat(ContractDiff.compare(a, b)).isEmpty();
    }

    /** Every rule but the three that need a construct the small contract lacks has a case above. */
    @AfterAll
    static void everyRuleHasACase() {
        Set<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(COVERED);
        if (COVERED.size() > 10) {
            assertThat(missing).containsExactlyInAnyOrder(Rule.REMOVED_FAULT, Rule.MADE_ATTRIBUTE_OPTIONAL,
                    Rule.MADE_NOT_NILLABLE);
        }
    }

    private static Arguments c(String behaviour, UnaryOperator<MiniContract> edit, String... expectedIds) {
        return Arguments.of(named(behaviour, edit), List.of(expectedIds));
    }

    private static String leafName(String path) {
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        return leaf.startsWith("@") ? leaf.substring(1) : leaf;
    }
}
