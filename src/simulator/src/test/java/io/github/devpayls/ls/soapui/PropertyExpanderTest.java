package io.github.devpayls.ls.soapui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyExpanderTest {

    private static final String RESPONSE = "<e:Envelope xmlns:e='http://schemas.xmlsoap.org/soap/envelope/'>"
            + "<e:Body><r xmlns='urn:r'><token>T-42</token></r></e:Body></e:Envelope>";

    private final PropertyExpander expander = new PropertyExpander(new PropertyExpander.Scope(
            Map.of("endpoint", "http://h/", "name", "project", "which", "endpoint"),
            Map.of("name", "suite", "key", "${#Project#name}-key"),
            Map.of("name", "case"),
            Path.of("/projects/ls"),
            Map.of("activate", new StepResult("<sent/>", 200, "text/xml", RESPONSE, Duration.ZERO))));

    @Test
    void scopedProperties_readTheirOwnScope() {
        assertThat(expander.expand("${#Project#name}/${#TestSuite#name}/${#TestCase#name}"))
                .isEqualTo("project/suite/case");
    }

    @Test
    void unscopedProperty_prefersCaseThenSuiteThenProject() {
        assertThat(expander.expand("${name} ${key} ${endpoint}")).isEqualTo("case project-key http://h/");
    }

    @Test
    void expansions_nestAndValuesAreExpandedAgain() {
        assertThat(expander.expand("${#Project#${#Project#which}}")).isEqualTo("http://h/");
        assertThat(expander.expand("${#TestSuite#key}")).isEqualTo("project-key");
    }

    @Test
    void projectDir_andEarlierStepResults_expand() {
        assertThat(expander.expand("${projectDir}")).isEqualTo(Path.of("/projects/ls").toString());
        assertThat(expander.expand("${activate#Request}")).isEqualTo("<sent/>");
        assertThat(expander.expand("${activate#Response#declare namespace r='urn:r'; //r:token}")).isEqualTo("T-42");
    }

    @Test
    void textWithoutExpansions_includingRegexBraces_isLeftAlone() {
        String xpath = "matches(//x, '^\\{UserToken\\}[A-Z]{20}$')";

        assertThat(expander.expand(xpath)).isEqualTo(xpath);
    }

    @Test
    void undefinedProperty_failsNamingIt() {
        assertThatThrownBy(() -> expander.expand("${#TestCase#missing}"))
                .isInstanceOf(SoapUiProjectException.class)
                .hasMessageContaining("${#TestCase#missing}: no such property in the TestCase scope");
    }

    @Test
    void groovyAndUnknownScopes_andStepsNotRunYet_fail() {
        assertThatThrownBy(() -> expander.expand("${=new Date()}")).hasMessageContaining("Groovy");
        assertThatThrownBy(() -> expander.expand("${#Global#x}")).hasMessageContaining("not Global");
        assertThatThrownBy(() -> expander.expand("${refresh#Response}")).hasMessageContaining("no step 'refresh'");
    }
}
