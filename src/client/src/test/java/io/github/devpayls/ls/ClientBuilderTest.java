package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest {

    @Test
    void build_withDefaults_targetsTheProductionEndpointWithoutNetworkIo() {
        try (LicenseServiceClient client = LicenseServiceClient.builder().build()) {
            assertThat(client.endpoint()).isEqualTo(URI.create("https://ls.amazonaws.com/"));
        }
    }

    @Test
    void build_withHttpEndpoint_isRefusedWithClearMessage() {
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint("http://ls.amazonaws.com/").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("endpoint");
                    assertThat(e.getMessage()).contains("https://");
                });
    }

    @Test
    void build_withHttpLoopback_isRefusedUnlessSwitchedOn() {
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint("http://127.0.0.1:8080/").build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("allowInsecureLoopback"));
        try (LicenseServiceClient client = LicenseServiceClient.builder().endpoint("http://127.0.0.1:8080/")
                .allowInsecureLoopback(true).build()) {
            assertThat(client.endpoint().getScheme()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1/", "http://[::1]:1/", "http://127.1.2.3:1/"})
    void build_withHttpToAnyLoopbackForm_isAllowedWhenSwitchedOn(String endpoint) {
        try (LicenseServiceClient client = LicenseServiceClient.builder().endpoint(endpoint)
                .allowInsecureLoopback(true).build()) {
            assertThat(client.endpoint()).isEqualTo(URI.create(endpoint));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/", "http://example.com/", "http://127.0.0.1.example.com/",
            "ftp://127.0.0.1/", "https://user:pw@ls.amazonaws.com/", "/relative", "not a uri"})
    void build_withForbiddenEndpoint_isRefusedEvenWithSwitch(String endpoint) {
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint(endpoint).allowInsecureLoopback(true).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
    }

    @Test
    void build_withNonPositiveTimeouts_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> LicenseServiceClient.builder().connectTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("connectTimeout"));
        assertThatThrownBy(() -> LicenseServiceClient.builder().requestTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("requestTimeout"));
        assertThatThrownBy(() -> LicenseServiceClient.builder().callDeadline(null).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("callDeadline"));
        assertThatThrownBy(() -> LicenseServiceClient.builder().retryPolicy(null).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("retryPolicy"));
    }

    @Test
    void trustPemCertificates_whenFileMissingOrNotPem_isRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        assertThatThrownBy(() -> LicenseServiceClient.builder().trustPemCertificates(dir.resolve("missing.pem")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("trustPemCertificates"));
        assertThatThrownBy(() -> LicenseServiceClient.builder().trustPemCertificates(garbage))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void trustStore_whenEmpty_isRefused() throws Exception {
        KeyStore empty = KeyStore.getInstance(KeyStore.getDefaultType());
        empty.load(null, null);
        assertThatThrownBy(() -> LicenseServiceClient.builder().trustStore(empty))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trustStore"));
    }

    @Test
    void close_thenCall_isRefusedAndCloseTwiceIsHarmless() {
        LicenseServiceClient client = LicenseServiceClient.builder().build();
        client.close();
        client.close();
        assertThatThrownBy(() -> client.activateDesktopProduct(InputValidationTest.KEY, InputValidationTest.TOKEN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildInBackground_withInvalidSettings_isRefusedAtOnceNamingTheSetting() {
        assertThatThrownBy(() -> LicenseServiceClient.builder().endpoint("http://ls.example.com/").buildInBackground())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> LicenseServiceClient.builder().clock(null).buildInBackground())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("clock");
    }
}
