package io.github.devpayls.ls.simulator;

/** What the body of an injected HTTP 503 holds. */
public enum ThrottleBody {
    /** A SOAP 1.1 fault {@code aws:Server.RequestThrottled}. */
    SOAP_FAULT,
    /** Nothing ({@code Content-Length: 0}). */
    EMPTY,
    /** An HTML error page, as a proxy or load balancer would send. */
    HTML
}
