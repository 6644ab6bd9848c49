package io.github.devpayls.ls.soapui;

/**
 * A SoapUI project the runner cannot execute as written: unreadable, inconsistent (a step naming an
 * undeclared operation, an undefined property), or using a feature the runner does not implement.
 * Always fails the test it occurs in, naming the item; never a reason to skip.
 */
final class SoapUiProjectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SoapUiProjectException(String message) {
        super(message);
    }

    SoapUiProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
