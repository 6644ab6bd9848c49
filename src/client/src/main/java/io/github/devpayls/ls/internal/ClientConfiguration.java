package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * A client's checked settings, as the public builder collected them.
 *
 * @param endpoint        the checked endpoint
 * @param trust           the TLS trust
 * @param connectTimeout  longest wait for a connection
 * @param requestTimeout  longest wait for one answer
 * @param callDeadline    longest a whole call may take
 * @param retryPolicy     when to try again
 * @param logSoapMessages whether SOAP messages are logged (masked)
 */
public record ClientConfiguration(URI endpoint, TlsTrust trust, Duration connectTimeout, Duration requestTimeout,
                                  Duration callDeadline, RetryPolicy retryPolicy, boolean logSoapMessages) {

    /** @throws InvalidInputException naming the setting that is missing or out of range */
    public ClientConfiguration {
        if (endpoint == null) {
            throw new InvalidInputException("endpoint", "is required");
        }
        if (trust == null) {
            throw new InvalidInputException("trust", "is required");
        }
        if (retryPolicy == null) {
            throw new InvalidInputException("retryPolicy", "is required");
        }
        checkTimeout("connectTimeout", connectTimeout);
        checkTimeout("requestTimeout", requestTimeout);
        checkTimeout("callDeadline", callDeadline);
    }

    private static void checkTimeout(String field, Duration value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.isZero() || value.isNegative()) {
            throw new InvalidInputException(field, "must be positive (was " + value + ")");
        }
        if (value.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, "must be at most " + Integer.MAX_VALUE + " ms");
        }
        if (value.toMillis() == 0) {
            throw new InvalidInputException(field, "must be at least one millisecond");
        }
    }
}
