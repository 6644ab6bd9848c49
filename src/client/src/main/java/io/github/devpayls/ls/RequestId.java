package io.github.devpayls.ls;

import java.util.Objects;

/**
 * The id the service gave one request (a UUID in real responses). Quote it when asking the
 * service's operator about a call.
 *
 * @param value the id as the service sent it
 */
public record RequestId(String value) {

    /** @param value the id; not {@code null} */
    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
