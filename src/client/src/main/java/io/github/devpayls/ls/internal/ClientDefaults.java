package io.github.devpayls.ls.internal;

import java.time.Duration;

/**
 * The client's own decided defaults, in one place (the reasons are in docs/client.md). The wire's
 * facts, shared with the simulator, are in {@link io.github.devpayls.ls.contract.LicenseServiceFacts}.
 */
public final class ClientDefaults {

    private ClientDefaults() {
    }

    /** Longest wait for a TCP connection: loopback and LAN connect in milliseconds; a black-holed host fails fast. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Longest wait for one answer once connected: the service answered in milliseconds; slow links get slack. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Longest a whole call may take, retries and waits included: bounds how long a user stares at a spinner. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(60);

    /** Default total attempts per call: rides out short throttling without keeping a user waiting long. */
    public static final int DEFAULT_RETRY_MAX_ATTEMPTS = 4;

    /** Default ceiling of the first backoff wait. */
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(200);

    /** Default largest ceiling of any backoff wait. */
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(5);

    /**
     * How often the watchdog looks whether the caller of a running attempt was interrupted (blocking
     * socket reads do not notice an interrupt): the longest an interrupted call keeps waiting, give
     * or take scheduling; short enough to feel immediate, long enough to cost nothing measurable.
     */
    public static final Duration INTERRUPT_CHECK_INTERVAL = Duration.ofMillis(20);

    /**
     * The shortest read timeout an attempt sets, even when its deadline leaves less: a 1 ms read
     * timeout is the JDK's liveness probe of a kept-alive connection, which {@link KeptAliveTlsSocket}
     * tells apart by exactly that value.
     */
    public static final Duration MIN_RECEIVE_TIMEOUT = Duration.ofMillis(KeptAliveTlsSocket.PROBE_TIMEOUT_MILLIS + 1);
}
