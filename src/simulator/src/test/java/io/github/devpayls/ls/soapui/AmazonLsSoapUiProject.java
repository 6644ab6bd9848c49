package io.github.devpayls.ls.soapui;

import java.nio.file.Path;

/** Where the project's SoapUI conformance project lives, for the tests that read or run it. */
final class AmazonLsSoapUiProject {

    /** The repository's top directory, which the build passes as {@code devpay.top}. */
    static final Path TOP = Path.of(System.getProperty("devpay.top", "../..")).toAbsolutePath().normalize();

    /** The SoapUI project. */
    static final Path FILE = TOP.resolve("soapui/AmazonLS-soapui-project.xml");

    /**
     * The SoapUI project of a newer service's answers, run against a simulator in future-contract
     * mode only; same interfaces and properties as {@link #FILE}.
     */
    static final Path FUTURE_CONTRACT_FILE = TOP.resolve("soapui/AmazonLS-future-contract-soapui-project.xml");

    /** The project's WSDL, which the SoapUI interface must load by relative path. */
    static final Path WSDL = TOP.resolve("wsdl/AmazonLS.wsdl");

    /** The MockService SoapUI users start instead of the simulator. */
    static final String MOCK_SERVICE = "AmazonLS MockService";

    private AmazonLsSoapUiProject() {
    }
}
