package io.github.devpayls.ls.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small contract in the same layout as the real one (wsdl/ + xsd/), edited one string at a time. */
final class MiniContract {

    static final String XSD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:test:echo:1"
                       targetNamespace="urn:test:echo:1" elementFormDefault="qualified" version="1">
              <xs:element name="Echo">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Text" type="xs:string"/>
                    <xs:element name="Count" type="xs:int" minOccurs="0"/>
                    <xs:element name="Tags" type="xs:string" minOccurs="0" maxOccurs="3"/>
                    <xs:element name="Mode">
                      <xs:simpleType>
                        <xs:restriction base="xs:string">
                          <xs:enumeration value="A"/>
                          <xs:enumeration value="B"/>
                        </xs:restriction>
                      </xs:simpleType>
                    </xs:element>
                  </xs:sequence>
                  <xs:attribute name="lang" type="xs:string"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="EchoResponse">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element ref="tns:EchoResult"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="EchoResult">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Text" type="xs:string"/>
                    <xs:element name="Note" type="xs:string" minOccurs="0" maxOccurs="3"/>
                    <xs:element name="Level">
                      <xs:simpleType>
                        <xs:restriction base="xs:string">
                          <xs:enumeration value="Low"/>
                          <xs:enumeration value="High"/>
                        </xs:restriction>
                      </xs:simpleType>
                    </xs:element>
                    <xs:element name="Outcome">
                      <xs:complexType>
                        <xs:choice>
                          <xs:element name="Ok" type="xs:string"/>
                          <xs:element name="Failed" type="xs:string"/>
                        </xs:choice>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="Detail" minOccurs="0">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
                        </xs:sequence>
                        <xs:anyAttribute namespace="##other" processContents="lax"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="Fault">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="Code" type="xs:string"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

    static final String WSDL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                              xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                              xmlns:xs="http://www.w3.org/2001/XMLSchema"
                              xmlns:tns="urn:test:echo:1" targetNamespace="urn:test:echo:1" name="S">
              <wsdl:types>
                <xs:schema>
                  <xs:import namespace="urn:test:echo:1" schemaLocation="../xsd/Echo.xsd"/>
                </xs:schema>
              </wsdl:types>
              <wsdl:message name="EchoRequest"><wsdl:part name="body" element="tns:Echo"/></wsdl:message>
              <wsdl:message name="EchoResponse"><wsdl:part name="body" element="tns:EchoResponse"/></wsdl:message>
              <wsdl:portType name="P">
                <wsdl:operation name="Echo">
                  <wsdl:documentation>Echoes the text.</wsdl:documentation>
                  <wsdl:input message="tns:EchoRequest"/>
                  <wsdl:output message="tns:EchoResponse"/>
                </wsdl:operation>
              </wsdl:portType>
              <wsdl:binding name="B" type="tns:P">
                <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
                <wsdl:operation name="Echo">
                  <soap:operation soapAction="Echo" style="document"/>
                  <wsdl:input><soap:body use="literal"/></wsdl:input>
                  <wsdl:output><soap:body use="literal"/></wsdl:output>
                </wsdl:operation>
              </wsdl:binding>
              <wsdl:service name="S">
                <wsdl:port name="Port" binding="tns:B">
                  <soap:address location="https://echo.example.invalid/"/>
                </wsdl:port>
              </wsdl:service>
            </wsdl:definitions>
            """;

    private String wsdl = WSDL;
    private String xsd = XSD;

    static MiniContract original() {
        return new MiniContract();
    }

    /** Replaces exactly one occurrence of {@code old} in the XSD. */
    MiniContract xsd(String old, String replacement) {
        xsd = replaceOnce(xsd, old, replacement);
        return this;
    }

    /** Replaces exactly one occurrence of {@code old} in the WSDL. */
    MiniContract wsdl(String old, String replacement) {
        wsdl = replaceOnce(wsdl, old, replacement);
        return this;
    }

    /** Replaces every occurrence (at least one) of {@code old} in both files. */
    MiniContract everywhere(String old, String replacement) {
        assertThat(wsdl + xsd).contains(old);
        wsdl = wsdl.replace(old, replacement);
        xsd = xsd.replace(old, replacement);
        return this;
    }

    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir.resolve("wsdl"));
            Files.createDirectories(dir.resolve("xsd"));
            Files.writeString(dir.resolve("xsd/Echo.xsd"), xsd);
            return Files.writeString(dir.resolve("wsdl/Echo.wsdl"), wsdl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Contract load(Path dir) {
        return Contract.load(writeTo(dir));
    }

    private static String replaceOnce(String text, String old, String replacement) {
        int at = text.indexOf(old);
        assertThat(at).as("'%s' occurs", old).isNotNegative();
        assertThat(text.indexOf(old, at + 1)).as("'%s' occurs once", old).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + old.length());
    }
}
