package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.FaultType;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.RequestId;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ServiceError;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.ServiceUnavailableException;
import io.github.devpayls.ls.TransportFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryExecutorTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** A fake monotonic clock that the fake sleeper advances: no test ever really sleeps. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Long> randomBounds = new ArrayList<>();

    private RetryExecutor executor(RetryPolicy policy, Duration deadline, long randomPick) {
        return new RetryExecutor(policy, deadline, delay -> {
            sleeps.add(delay);
            nanos.addAndGet(delay.toNanos());
        }, bound -> {
            randomBounds.add(bound);
            return Math.min(randomPick, bound - 1);
        }, nanos::get, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RetryPolicy policy(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(1000)).build();
    }

    private static <T> AttemptOutcome<T> throttled(Optional<Duration> retryAfter) {
        ServiceError error = new ServiceError(ServiceErrorCode.REQUEST_THROTTLED, "Server.RequestThrottled",
                FaultType.RECEIVER, "slow down", Optional.of(new RequestId("r-1")));
        return new AttemptOutcome.Unavailable<>(503, Optional.of(error), error.requestId(), retryAfter);
    }

    private static <T> AttemptOutcome<T> failed(AttemptOutcome.Delivery delivery) {
        return new AttemptOutcome.Failed<>(attempts -> new TransportFailureException(
                delivery == AttemptOutcome.Delivery.NOT_SENT ? TransportFailureException.Kind.CONNECT
                        : TransportFailureException.Kind.TIMEOUT, "failed", delivery != AttemptOutcome.Delivery.NOT_SENT,
                attempts, null), delivery, -1, Optional.empty());
    }

    @Test
    void backoff_isFullJitterUnderCappedExponentialCeiling() {
        RetryExecutor executor = executor(policy(10), Duration.ofMinutes(1), Long.MAX_VALUE);

        // With the random source picking the top of its range, each delay is the ceiling itself.
        assertThat(executor.delayBefore(2, Optional.empty())).isEqualTo(Duration.ofMillis(100));
        assertThat(executor.delayBefore(3, Optional.empty())).isEqualTo(Duration.ofMillis(200));
        assertThat(executor.delayBefore(4, Optional.empty())).isEqualTo(Duration.ofMillis(400));
        assertThat(executor.delayBefore(5, Optional.empty())).isEqualTo(Duration.ofMillis(800));
        assertThat(executor.delayBefore(6, Optional.empty())).isEqualTo(Duration.ofMillis(1000));
        assertThat(executor.delayBefore(60, Optional.empty())).isEqualTo(Duration.ofMillis(1000));
        // The random source was asked for [0, ceiling]: full jitter, zero included.
        assertThat(randomBounds).containsExactly(101L, 201L, 401L, 801L, 1001L, 1001L);
    }

    @Test
    void backoff_withRandomZero_waitsNothing() {
        RetryExecutor executor = executor(policy(10), Duration.ofMinutes(1), 0);

        assertThat(executor.delayBefore(4, Optional.empty())).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoff_whenRetryAfterIsLonger_honoursIt() {
        RetryExecutor executor = executor(policy(10), Duration.ofMinutes(1), 37);

        assertThat(executor.delayBefore(2, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(executor.delayBefore(2, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofMillis(37));
    }

    @Test
    void execute_whenThrottledThenAnswered_retriesAndReturns() {
        RetryExecutor executor = executor(policy(4), Duration.ofMinutes(1), Long.MAX_VALUE);
        AtomicInteger calls = new AtomicInteger();

        String result = executor.execute("Op", (attempt, remaining) -> calls.incrementAndGet() < 3
                ? throttled(Optional.empty())
                : new AttemptOutcome.Answered<>("ok", 200, Optional.empty()));

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void execute_whenThrottledThroughMaxAttempts_throwsServiceUnavailable() {
        RetryExecutor executor = executor(policy(3), Duration.ofMinutes(1), 0);

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> throttled(Optional.empty())))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastHttpStatus()).isEqualTo(503);
                    assertThat(e.lastRequestId()).contains(new RequestId("r-1"));
                    assertThat(e.lastError()).isPresent();
                });
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void execute_whenRetryAfterPassesDeadline_givesUpWithoutWaiting() {
        RetryExecutor executor = executor(policy(5), Duration.ofSeconds(10), 0);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> {
            calls.incrementAndGet();
            return throttled(Optional.of(Duration.ofSeconds(30)));
        })).isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void execute_stopsWhenTheNextWaitWouldPassTheDeadline() {
        RetryExecutor executor = executor(policy(10), Duration.ofMillis(350), Long.MAX_VALUE);
        List<Duration> remainingSeen = new ArrayList<>();

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> {
            remainingSeen.add(remaining);
            return throttled(Optional.empty());
        })).isInstanceOf(ServiceUnavailableException.class);
        // 100 ms, then 200 ms fit into 350 ms; a further 400 ms would not.
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(remainingSeen).containsExactly(Duration.ofMillis(350), Duration.ofMillis(250), Duration.ofMillis(50));
    }

    @Test
    void execute_whenAWaitOversleepsTheDeadline_makesNoFurtherAttempt() {
        AtomicInteger calls = new AtomicInteger();
        RetryExecutor executor = new RetryExecutor(policy(5), Duration.ofMillis(500), delay -> {
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        }, bound -> 0, nanos::get, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> {
            calls.incrementAndGet();
            return throttled(Optional.empty());
        })).isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(calls).hasValue(1);
    }

    @Test
    void execute_whenRequestCertainlyNotSent_retries() {
        RetryExecutor executor = executor(policy(3), Duration.ofMinutes(1), 0);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> {
            calls.incrementAndGet();
            return failed(AttemptOutcome.Delivery.NOT_SENT);
        })).isInstanceOfSatisfying(TransportFailureException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.requestMayHaveReachedService()).isFalse();
        });
        assertThat(calls).hasValue(3);
    }

    @Test
    void execute_whenRequestMayHaveBeenProcessed_doesNotRetryByDefault() {
        RetryExecutor executor = executor(policy(3), Duration.ofMinutes(1), 0);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> {
            calls.incrementAndGet();
            return failed(AttemptOutcome.Delivery.MAYBE_PROCESSED);
        })).isInstanceOfSatisfying(TransportFailureException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(calls).hasValue(1);
    }

    @Test
    void execute_whenPolicyAllowsRetryOfPossiblyProcessed_retries() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).retryPossiblyProcessedRequests(true).build();
        RetryExecutor executor = executor(policy, Duration.ofMinutes(1), 0);
        AtomicInteger calls = new AtomicInteger();

        String result = executor.execute("Op", (attempt, remaining) -> calls.incrementAndGet() == 1
                ? failed(AttemptOutcome.Delivery.MAYBE_PROCESSED)
                : new AttemptOutcome.Answered<>("ok", 200, Optional.empty()));

        assertThat(result).isEqualTo("ok");
    }

    @Test
    void execute_whenAnsweredInvalidly_neverRetries() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).retryPossiblyProcessedRequests(true).build();
        RetryExecutor executor = executor(policy, Duration.ofMinutes(1), 0);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> {
            calls.incrementAndGet();
            return new AttemptOutcome.Failed<String>(n -> new ProtocolFailureException("bad", n, 200,
                    Optional.empty(), null), AttemptOutcome.Delivery.ANSWERED_INVALIDLY, 200, Optional.empty());
        })).isInstanceOf(ProtocolFailureException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void execute_whenInterruptedWhileWaiting_throwsInterruptedAndKeepsFlag() {
        RetryExecutor executor = new RetryExecutor(policy(3), Duration.ofMinutes(1), delay -> {
            throw new InterruptedException();
        }, bound -> 0, nanos::get, Clock.systemUTC());
        try {
            assertThatThrownBy(() -> executor.execute("Op", (attempt, remaining) -> throttled(Optional.empty())))
                    .isInstanceOfSatisfying(TransportFailureException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportFailureException.Kind.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void parseRetryAfter_readsSecondsAndHttpDates() {
        RetryExecutor executor = executor(policy(3), Duration.ofMinutes(1), 0);

        assertThat(executor.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(executor.parseRetryAfter(" 0 ")).contains(Duration.ZERO);
        assertThat(executor.parseRetryAfter("Sat, 28 Nov 2026 10:00:05 GMT")).contains(Duration.ofSeconds(5));
        assertThat(executor.parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT")).contains(Duration.ZERO);
        assertThat(executor.parseRetryAfter("soon")).isEmpty();
        assertThat(executor.parseRetryAfter("-5")).isEmpty();
        assertThat(executor.parseRetryAfter(null)).isEmpty();
        assertThat(executor.parseRetryAfter("99999999999999999999999")).isEmpty();
    }
}
