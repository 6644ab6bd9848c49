package io.github.devpayls.ls.contract.compat;

import java.nio.file.Path;

/** Where the real contract and its baseline are, seen from this module's directory (surefire's cwd). */
final class RealContract {

    static final Path WORKING_WSDL = Path.of("../../wsdl/AmazonLS.wsdl").toAbsolutePath().normalize();
    static final Path WORKING_XSD = Path.of("../../xsd/AmazonLS.xsd").toAbsolutePath().normalize();
    static final Path BASELINE_DIR = Path.of("published/2008-04-28").toAbsolutePath().normalize();
    static final Path ACKNOWLEDGED_BREAKS = Path.of("acknowledged-breaks.txt").toAbsolutePath().normalize();

    private RealContract() {
    }
}
