package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationRequest;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.ProductToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request, the lifecycle's configuration and a stored entry judge a token lifetime by the one
 * rule: positive, whole seconds. Each refuses the same values with the same typed error.
 */
class TokenExpirationRuleTest {

    private static final ActivationKey KEY = ActivationKey.of("ADMAY7DVLJTWHJ76MMBMQEXAMPLE");
    private static final ProductToken TOKEN = ProductToken.of("{ProductToken}" + "A".repeat(312));

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT0.5S", "PT3600.001S"})
    void everyEntryPoint_refusesTheSameLifetime_namingTheField(String text) {
        Duration lifetime = Duration.parse(text);
        List<ThrowingCallable> entryPoints = List.of(
                () -> ActivationRequest.of(KEY, TOKEN).withTokenExpiration(lifetime),
                () -> DesktopActivation.builder().tokenExpiration(lifetime),
                () -> CredentialEntry.activated(ProductKey.of("6883959E"), SampleCredentials.of('A', 1),
                        Instant.EPOCH, Optional.of(lifetime)));

        for (ThrowingCallable entryPoint : entryPoints) {
            assertThatThrownBy(entryPoint).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tokenExpiration"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1S", "PT3600S", "P30D"})
    void everyEntryPoint_acceptsWholePositiveSeconds(String text) {
        Duration lifetime = Duration.parse(text);

        assertThat(ActivationRequest.of(KEY, TOKEN).withTokenExpiration(lifetime).tokenExpiration()).contains(lifetime);
        assertThat(DesktopActivation.builder().tokenExpiration(lifetime)).isNotNull();
        assertThat(CredentialEntry.activated(ProductKey.of("6883959E"), SampleCredentials.of('A', 1), Instant.EPOCH,
                Optional.of(lifetime)).tokenExpiration()).contains(lifetime);
    }
}
