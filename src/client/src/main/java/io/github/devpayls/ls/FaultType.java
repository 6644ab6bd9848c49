package io.github.devpayls.ls;

/**
 * Whose fault a service error is, as the service's fault code says: {@code aws:Client.<Code>} is
 * the caller's ({@link #SENDER}), {@code aws:Server.<Code>} the service's ({@link #RECEIVER}).
 */
public enum FaultType {
    /** The request was wrong; sending it again unchanged will fail again. */
    SENDER,
    /** The service failed; the same request may succeed later. */
    RECEIVER,
    /** The fault code carried neither prefix and the code is not one this client knows. */
    UNKNOWN
}
