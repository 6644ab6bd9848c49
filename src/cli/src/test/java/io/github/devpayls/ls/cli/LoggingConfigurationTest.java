package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The command line's Logback configuration is well-formed and lets --verbose open the exchange log. */
class LoggingConfigurationTest {

    @Test
    void cliConfiguration_isWellFormed_andTiesTheSoapLoggerToTheVerboseProperty() throws Exception {
        Document document;
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream(Main.LOGBACK_CONFIGURATION)) {
            assertThat(in).isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        }
        NodeList loggers = document.getElementsByTagName("logger");
        boolean soapLoggerFollowsVerbose = false;
        for (int i = 0; i < loggers.getLength(); i++) {
            Element logger = (Element) loggers.item(i);
            if (logger.getAttribute("name").equals("io.github.devpayls.ls.soap")) {
                soapLoggerFollowsVerbose = logger.getAttribute("level")
                        .equals("${" + Main.VERBOSE_LEVEL_PROPERTY + ":-WARN}");
            }
        }
        assertThat(soapLoggerFollowsVerbose).isTrue();
    }

    @Test
    void configureLogging_withVerbose_setsTheLevelProperty() {
        String before = System.getProperty(Main.VERBOSE_LEVEL_PROPERTY);
        try {
            Main.configureLogging(true);
            assertThat(System.getProperty(Main.VERBOSE_LEVEL_PROPERTY)).isEqualTo("DEBUG");
        } finally {
            if (before == null) {
                System.clearProperty(Main.VERBOSE_LEVEL_PROPERTY);
            } else {
                System.setProperty(Main.VERBOSE_LEVEL_PROPERTY, before);
            }
        }
    }
}
