package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialEntryTest {

    private static final ProductKey PRODUCT = ProductKey.of("6883959E");
    private static final Instant ACTIVATED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void expiresAt_isActivationPlusTokenExpiration_andExpiryStartsAtThatInstant() {
        CredentialEntry entry = CredentialEntry.activated(PRODUCT, SampleCredentials.of('A', 1), ACTIVATED,
                Optional.of(Duration.ofSeconds(3600)));

        assertThat(entry.expiresAt()).contains(Instant.parse("2026-11-28T11:00:00Z"));
        assertThat(entry.isExpiredAt(Instant.parse("2026-11-28T10:59:59.999Z"))).isFalse();
        assertThat(entry.isExpiredAt(Instant.parse("2026-11-28T11:00:00Z"))).isTrue();
    }

    @Test
    void withoutTokenExpiration_neverExpires() {
        CredentialEntry entry = CredentialEntry.activated(PRODUCT, SampleCredentials.of('A', 1), ACTIVATED,
                Optional.empty());

        assertThat(entry.expiresAt()).isEmpty();
        assertThat(entry.isExpiredAt(Instant.MAX)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void tokenExpiration_notPositive_isRefused(long seconds) {
        assertThatThrownBy(() -> CredentialEntry.activated(PRODUCT, SampleCredentials.of('A', 1), ACTIVATED,
                Optional.of(Duration.ofSeconds(seconds))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("tokenExpiration"));
    }

    @Test
    void missingCredentials_areRefused() {
        assertThatThrownBy(() -> CredentialEntry.activated(PRODUCT, null, ACTIVATED, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("credentials"));
    }

    @Test
    void toString_masksTheSecrets() {
        CredentialEntry entry = CredentialEntry.activated(PRODUCT, SampleCredentials.of('A', 1), ACTIVATED,
                Optional.empty());

        assertThat(entry.toString())
                .doesNotContain(entry.credentials().userToken().reveal())
                .doesNotContain(entry.credentials().secretAccessKey().reveal())
                .contains(entry.credentials().accessKeyId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "..", ".lock", "a~b", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void productKey_thatIsNotASafeFileName_isRefused(String value) {
        assertThatThrownBy(() -> ProductKey.of(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("productKey"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two\nlines"})
    void invalidation_withBlankOrMultiLineReason_isRefused(String reason) {
        assertThatThrownBy(() -> new Invalidation(reason, ACTIVATED)).isInstanceOf(InvalidInputException.class);
    }
}
