package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.TransportFailureException;
import io.github.devpayls.ls.TransportFailureException.Kind;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The classifier's reading of a caller's interrupt that reached the connection before the
 * watchdog did: a TLS connection runs on a channel, which an interrupt closes at once.
 */
class FailureClassifierTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void closedByInterrupt_beforeTheWatchdogLooked_isInterrupted_keepsTheFlag_andMayHaveReachedTheService()
            throws IOException {
        AttemptTrace head = new AttemptTrace(List.of(), System.nanoTime() + 60_000_000_000L);
        head.sendingStarts();
        // What CXF hands back: the channel's exception, wrapped on the way up.
        Throwable failure = new RuntimeException("Could not send Message.",
                new IOException("wrapped", new ClosedByInterruptException()));

        AttemptOutcome.Failed<Object> outcome = FailureClassifier.classify(failure, head, "ActivateDesktopProduct",
                30_000, false, List.of());

        NoAnswerException thrown = outcome.failure().apply(1);
        assertThat(thrown).isInstanceOfSatisfying(TransportFailureException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INTERRUPTED);
            assertThat(e.requestMayHaveReachedService()).isTrue();
        });
        assertThat(outcome.delivery()).isEqualTo(AttemptOutcome.Delivery.ABANDONED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void plainConnectionReset_isNotTakenForAnInterrupt() throws IOException {
        AttemptTrace head = new AttemptTrace(List.of(), System.nanoTime() + 60_000_000_000L);
        head.sendingStarts();
        Throwable failure = new RuntimeException("Could not send Message.", new java.net.SocketException("Connection reset"));

        NoAnswerException thrown = FailureClassifier.classify(failure, head, "ActivateDesktopProduct", 30_000, false,
                List.of()).failure().apply(1);

        assertThat(thrown).isInstanceOfSatisfying(TransportFailureException.class,
                e -> assertThat(e.kind()).isNotEqualTo(Kind.INTERRUPTED));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
