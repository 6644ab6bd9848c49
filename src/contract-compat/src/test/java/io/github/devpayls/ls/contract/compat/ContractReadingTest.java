package io.github.devpayls.ls.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading stays local and bounded: no DOCTYPE, no remote or escaping schema location. */
class ContractReadingTest {

    @TempDir
    Path dir;

    @Test
    void load_refusesADoctypeInTheSchema() {
        MiniContract contract = MiniContract.original().xsd("<xs:schema ",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xs:schema ");

        assertThatThrownBy(() -> contract.load(dir))
                .isInstanceOf(UnreadableContractException.class)
                .hasMessageContaining("Echo.xsd").hasMessageContaining("DOCTYPE");
    }

    @Test
    void load_refusesADoctypeInTheWsdl() {
        MiniContract contract = MiniContract.original().wsdl("<wsdl:definitions ", "<!DOCTYPE d>\n<wsdl:definitions ");

        assertThatThrownBy(() -> contract.load(dir))
                .isInstanceOf(UnreadableContractException.class)
                .hasMessageContaining("Echo.wsdl").hasMessageContaining("DOCTYPE");
    }

    @Test
    void load_refusesARemoteSchemaLocation() {
        MiniContract contract = MiniContract.original().wsdl("schemaLocation=\"../xsd/Echo.xsd\"",
                "schemaLocation=\"http://127.0.0.1:9/Echo.xsd\"");

        assertThatThrownBy(() -> contract.load(dir))
                .isInstanceOf(UnreadableContractException.class)
                .hasMessageContaining("not a relative local path");
    }

    @Test
    void load_refusesASchemaLocationOutsideTheContract() {
        MiniContract contract = MiniContract.original().wsdl("schemaLocation=\"../xsd/Echo.xsd\"",
                "schemaLocation=\"../../../etc/Echo.xsd\"");

        assertThatThrownBy(() -> contract.load(dir.resolve("deep")))
                .isInstanceOf(UnreadableContractException.class)
                .hasMessageContaining("leaves the contract's directory");
    }

    @Test
    void load_refusesAFurtherImportFromTheSchema() {
        MiniContract contract = MiniContract.original().xsd("<xs:element name=\"Echo\">",
                "<xs:import namespace=\"urn:other\" schemaLocation=\"Other.xsd\"/>\n  <xs:element name=\"Echo\">");

        assertThatThrownBy(() -> contract.load(dir))
                .isInstanceOf(UnreadableContractException.class)
                .hasMessageContaining("only the schemas the WSDL imports itself are read");
    }

    @Test
    void load_readsTheRealContract() {
        Contract contract = Contract.load(RealContract.WORKING_WSDL);

        assertThat(contract.targetNamespace()).isEqualTo("http://ls.amazonaws.com/doc/2008-04-28/");
        assertThat(contract.model().globalElements()).containsKeys("tns:ActivateDesktopProduct",
                "tns:ActivateDesktopProductResult", "tns:ErrorResponse");
        assertThat(contract.model().portTypes().get("AmazonLSPortType").operations()).hasSize(6);
    }
}
