package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.NoAnswerException;
import io.github.devpayls.ls.RetryPolicy;
import io.github.devpayls.ls.ScriptedPeer.Reply;
import io.github.devpayls.ls.ScriptedPeer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With SOAP logging on, no log line of the whole library or of CXF shows a secret. */
class LogMaskingTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previousLevel;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
    }

    private String everything() {
        return appender.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void soapLog_masksKeyTokenAndSecretButShowsTheRest() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = new CxfWiringTest().client(peer, RetryPolicy.none())) {
            peer.then(Reply.xml(200, ScriptedPeer.success(CxfWiringTest.USER_TOKEN, "AKIAIOSFODNN7EXAMPLE",
                    CxfWiringTest.SECRET_KEY, CxfWiringTest.REQUEST_ID)));

            assertThat(client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN))
                    .isInstanceOf(ActivationResult.Activated.class);
        }
        String logged = everything();
        assertThat(logged).contains("<ActivationKey>****</ActivationKey>", "<UserToken>****</UserToken>",
                "<SecretAccessKey>****</SecretAccessKey>", "AKIAIOSFODNN7EXAMPLE", "attempt 1/1");
        assertThat(logged).doesNotContain(CxfWiringTest.KEY_TEXT, CxfWiringTest.USER_TOKEN, CxfWiringTest.SECRET_KEY);
    }

    @Test
    void failureLogs_andExceptions_doNotEchoTheKeyAPeerReflects() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = new CxfWiringTest().client(peer, RetryPolicy.none())) {
            peer.always(body -> new Reply(502, "text/html",
                    "<html>proxy error for key " + CxfWiringTest.KEY_TEXT + "</html>", List.of()));

            assertThatThrownBy(() -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN))
                    .isInstanceOfSatisfying(NoAnswerException.class, e -> {
                        StringBuilder texts = new StringBuilder();
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            texts.append(t).append('\n');
                        }
                        assertThat(texts.toString()).contains("502").doesNotContain(CxfWiringTest.KEY_TEXT);
                    });
        }
        assertThat(everything()).contains("proxy error for key ****").doesNotContain(CxfWiringTest.KEY_TEXT);
    }

    @Test
    void noLogLine_atDebug_showsTheSecretsOfSixCallsInARow() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.http();
             CxfLicenseServiceClient client = new CxfWiringTest().client(peer, RetryPolicy.builder().maxAttempts(3)
                     .baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build())) {
            peer.then(Reply.xml(503, ScriptedPeer.fault("aws:Server.RequestThrottled", "slow", "r-1")))
                    .then(Reply.xml(500, ScriptedPeer.fault("aws:Client.InvalidActivationKey",
                            "bad key " + CxfWiringTest.KEY_TEXT, "r-2")))
                    .then(Reply.xml(200, "garbage " + CxfWiringTest.KEY_TEXT));
            client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN);
            assertThatThrownBy(() -> client.activateDesktopProduct(CxfWiringTest.KEY, CxfWiringTest.TOKEN))
                    .isInstanceOf(NoAnswerException.class);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(everything()).doesNotContain(CxfWiringTest.KEY_TEXT);
    }
}
