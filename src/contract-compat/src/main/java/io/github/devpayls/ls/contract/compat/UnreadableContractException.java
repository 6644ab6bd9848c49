package io.github.devpayls.ls.contract.compat;

/**
 * A WSDL or XSD could not be read: missing, too large, not well-formed, with a DOCTYPE, importing
 * something other than a local schema file, or not a WSDL 1.1 / XML Schema document. The message
 * names the file and what is wrong with it.
 */
public final class UnreadableContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableContractException(String message) {
        super(message);
    }

    UnreadableContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
