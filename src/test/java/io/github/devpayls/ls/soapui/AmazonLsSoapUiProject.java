package io.github.devpayls.ls.soapui;

import java.nio.file.Path;

/** Where the project's SoapUI conformance project lives, for the tests that read or run it. */
final class AmazonLsSoapUiProject {

    /** The SoapUI project, relative to the module's base directory (surefire's working directory). */
    static final Path FILE = Path.of("soapui/AmazonLS-soapui-project.xml");

    /** The project's WSDL, which the SoapUI interface must load by relative path. */
    static final Path WSDL = Path.of("wsdl/AmazonLS.wsdl");

    /** The MockService SoapUI users start instead of the simulator. */
    static final String MOCK_SERVICE = "AmazonLS MockService";

    private AmazonLsSoapUiProject() {
    }
}
