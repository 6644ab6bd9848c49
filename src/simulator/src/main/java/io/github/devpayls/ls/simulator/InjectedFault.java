package io.github.devpayls.ls.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A way for the simulator to misbehave on one request, created by the static factories. Every
 * fault reads the whole request first, so a client sees what it would see from a real server
 * that accepted its request. Faults described as "the simulator's answer" run the request through
 * the model (it may issue credentials) and then spoil the response on the way out.
 */
public sealed interface InjectedFault {

    /**
     * One method per kind of fault, so whoever carries faults out (the simulator's handler) is
     * told by the compiler about a new kind rather than at run time.
     *
     * @param <R> what handling a fault gives
     */
    interface Cases<R> {
        R throttle(Throttle fault);

        R delay(Delay fault);

        R hang(Hang fault);

        R dropConnection(DropConnection fault);

        R closeMidBody(CloseMidBody fault);

        R trickle(Trickle fault);

        R rawResponse(RawResponse fault);

        R html(Html fault);

        R nonXml(NonXml fault);

        R truncatedXml(TruncatedXml fault);

        R oversized(Oversized fault);

        R doctype(Doctype fault);

        R missingCredential(MissingCredential fault);

        R emptyCredential(EmptyCredential fault);

        R malformedCredential(MalformedCredential fault);

        R futureContract(FutureContract fault);
    }

    /**
     * @param cases the handling of each kind of fault
     * @param <R>   what handling gives
     * @return what the case for this fault's kind gave
     */
    <R> R accept(Cases<R> cases);

    /** @return HTTP 503 with an {@code aws:Server.RequestThrottled} SOAP fault, no {@code Retry-After} */
    static InjectedFault throttle() {
        return new Throttle(ThrottleBody.SOAP_FAULT, Optional.empty());
    }

    /**
     * @param body             what the 503's body holds
     * @param retryAfterOrNull the {@code Retry-After} to send (whole seconds, rounded up), or
     *                         {@code null} for none
     * @return HTTP 503 with that body
     */
    static InjectedFault throttle(ThrottleBody body, Duration retryAfterOrNull) {
        return new Throttle(body, Optional.ofNullable(retryAfterOrNull));
    }

    /**
     * @param delay how long to wait after reading the request
     * @return the normal answer, after that delay (cut short when the simulator closes)
     */
    static InjectedFault delay(Duration delay) {
        return new Delay(delay);
    }

    /** @return reads the request and never answers; the connection is released on close */
    static InjectedFault hang() {
        return new Hang();
    }

    /** @return reads the request, then closes the connection without sending a byte */
    static InjectedFault dropConnection() {
        return new DropConnection();
    }

    /**
     * @return the simulator's answer with its status, headers and full {@code Content-Length},
     *         but only the first half of the body; then the connection closes
     */
    static InjectedFault closeMidBody() {
        return new CloseMidBody();
    }

    /**
     * @param perByte the pause before each byte of the body
     * @return the simulator's answer, its body sent one byte per interval
     */
    static InjectedFault trickle(Duration perByte) {
        return new Trickle(perByte);
    }

    /**
     * @param status      the HTTP status
     * @param contentType the {@code Content-Type}, or {@code null} for none
     * @param body        the body, sent verbatim as UTF-8
     * @return exactly that response
     */
    static InjectedFault rawResponse(int status, String contentType, String body) {
        return new RawResponse(status, Optional.ofNullable(contentType), body);
    }

    /**
     * @param status the HTTP status
     * @return an HTML error page with that status
     */
    static InjectedFault html(int status) {
        return new Html(status);
    }

    /** @return HTTP 200, {@code text/xml}, a body that is not XML */
    static InjectedFault nonXml() {
        return new NonXml();
    }

    /** @return HTTP 200 with the simulator's answer cut in the middle (a consistent {@code Content-Length}) */
    static InjectedFault truncatedXml() {
        return new TruncatedXml();
    }

    /**
     * @param bytes the approximate size of the response
     * @return HTTP 200 with the simulator's answer, padded by SOAP header elements to about that size
     */
    static InjectedFault oversized(int bytes) {
        return new Oversized(bytes);
    }

    /**
     * @param doctypeAndBody the whole response body, typically a DOCTYPE with entity declarations
     *                       followed by an envelope
     * @return HTTP 200, {@code text/xml}, that body verbatim
     */
    static InjectedFault doctype(String doctypeAndBody) {
        return new Doctype(doctypeAndBody);
    }

    /**
     * @param part the part to leave out
     * @return the simulator's answer (a success for a valid request) without that element
     */
    static InjectedFault missingCredential(CredentialPart part) {
        return new MissingCredential(part);
    }

    /**
     * @param part the part to empty
     * @return the simulator's answer (a success for a valid request) with that element empty
     */
    static InjectedFault emptyCredential(CredentialPart part) {
        return new EmptyCredential(part);
    }

    /**
     * @param part the part to spoil
     * @return the simulator's answer (a success for a valid request) with a space put in the
     *         middle of that element's value, so it no longer has the documented shape
     */
    static InjectedFault malformedCredential(CredentialPart part) {
        return new MalformedCredential(part);
    }

    /**
     * @param additions where to add (at least one)
     * @return the simulator's answer with content the contract does not name in those places, as a
     *         newer service could send; answers without a result are sent as they are
     */
    static InjectedFault futureContract(Set<ContractAddition> additions) {
        return new FutureContract(additions);
    }

    /** HTTP 503. @param body what the body holds @param retryAfter the {@code Retry-After}, if any */
    record Throttle(ThrottleBody body, Optional<Duration> retryAfter) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.throttle(this);
        }
        /** Checks the components. */
        public Throttle {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(retryAfter, "retryAfter");
            retryAfter.ifPresent(InjectedFault::requireNotNegative);
        }
    }

    /** The normal answer, late. @param delay the wait */
    record Delay(Duration delay) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.delay(this);
        }
        /** Checks the delay. */
        public Delay {
            requireNotNegative(delay);
        }
    }

    /** No answer at all. */
    record Hang() implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.hang(this);
        }
    }

    /** The connection closed without a response. */
    record DropConnection() implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.dropConnection(this);
        }
    }

    /** Half a body, then the connection closed. */
    record CloseMidBody() implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.closeMidBody(this);
        }
    }

    /** A slow body. @param perByte the pause before each byte */
    record Trickle(Duration perByte) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.trickle(this);
        }
        /** Checks the pause. */
        public Trickle {
            requireNotNegative(perByte);
        }
    }

    /** A verbatim response. @param status the status @param contentType its type @param body the body */
    record RawResponse(int status, Optional<String> contentType, String body) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.rawResponse(this);
        }
        /** Checks the components. */
        public RawResponse {
            requireStatus(status);
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /** An HTML error page. @param status its status */
    record Html(int status) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.html(this);
        }
        /** Checks the status. */
        public Html {
            requireStatus(status);
        }
    }

    /** A body that is not XML. */
    record NonXml() implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.nonXml(this);
        }
    }

    /** The answer cut in the middle. */
    record TruncatedXml() implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.truncatedXml(this);
        }
    }

    /** The answer padded to about {@code bytes}. @param bytes the size */
    record Oversized(int bytes) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.oversized(this);
        }
        /** Checks the size. */
        public Oversized {
            if (bytes <= 0) {
                throw new IllegalArgumentException("bytes must be positive: " + bytes);
            }
        }
    }

    /** A verbatim body with a DOCTYPE. @param doctypeAndBody the body */
    record Doctype(String doctypeAndBody) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.doctype(this);
        }
        /** Checks the body. */
        public Doctype {
            Objects.requireNonNull(doctypeAndBody, "doctypeAndBody");
        }
    }

    /** A result lacking one credential. @param part the missing part */
    record MissingCredential(CredentialPart part) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.missingCredential(this);
        }
        /** Checks the part. */
        public MissingCredential {
            Objects.requireNonNull(part, "part");
        }
    }

    /** A result with one credential empty. @param part the empty part */
    record EmptyCredential(CredentialPart part) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.emptyCredential(this);
        }
        /** Checks the part. */
        public EmptyCredential {
            Objects.requireNonNull(part, "part");
        }
    }

    /** A result with one credential of the wrong shape. @param part the spoiled part */
    record MalformedCredential(CredentialPart part) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.malformedCredential(this);
        }
        /** Checks the part. */
        public MalformedCredential {
            Objects.requireNonNull(part, "part");
        }
    }

    /** An answer grown beyond the contract. @param additions where it grew */
    record FutureContract(Set<ContractAddition> additions) implements InjectedFault {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.futureContract(this);
        }
        /** Checks and copies the additions. */
        public FutureContract {
            Objects.requireNonNull(additions, "additions");
            if (additions.isEmpty()) {
                throw new IllegalArgumentException("no addition given");
            }
            additions = Set.copyOf(EnumSet.copyOf(additions));
        }
    }

    private static void requireNotNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }

    private static void requireStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }
}
