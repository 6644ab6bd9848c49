package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TokenExpirationConverterTest {

    private final TokenExpirationConverter converter = new TokenExpirationConverter();

    @Test
    void convert_readsNumbersWithUnits_andIsoDurations() {
        assertThat(converter.convert("3600s")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("12H")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(converter.convert("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void convert_refusesOtherText_withAnExample() {
        assertThatThrownBy(() -> converter.convert("a week")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("30d");
        assertThatThrownBy(() -> converter.convert("10y")).isInstanceOf(TypeConversionException.class);
    }
}
