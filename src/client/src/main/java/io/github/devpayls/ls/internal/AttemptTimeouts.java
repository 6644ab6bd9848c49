package io.github.devpayls.ls.internal;

import java.time.Duration;

/**
 * The timeouts of one attempt, the same rule for both transports: the configured ones, cut short by
 * what is left of the call's deadline, and never below their floors (a read timeout never below
 * {@link ClientDefaults#MIN_RECEIVE_TIMEOUT}, which {@link KeptAliveTlsSocket} relies on).
 *
 * @param receiveMillis the read timeout to set
 * @param connectMillis the connect timeout to set
 * @param deadlineBound whether the read timeout was cut short by the call's deadline
 */
record AttemptTimeouts(int receiveMillis, int connectMillis, boolean deadlineBound) {

    /**
     * @param requestTimeout the configured read timeout (at most {@code Integer.MAX_VALUE} ms, checked by the configuration)
     * @param connectTimeout the configured connect timeout (the same bound)
     * @param remaining      what is left of the call's deadline
     * @return the attempt's timeouts
     */
    static AttemptTimeouts of(Duration requestTimeout, Duration connectTimeout, Duration remaining) {
        return new AttemptTimeouts(
                (int) Math.max(ClientDefaults.MIN_RECEIVE_TIMEOUT.toMillis(), Math.min(requestTimeout.toMillis(), remaining.toMillis())),
                (int) Math.max(1, Math.min(connectTimeout.toMillis(), remaining.toMillis())),
                remaining.compareTo(requestTimeout) < 0);
    }
}
