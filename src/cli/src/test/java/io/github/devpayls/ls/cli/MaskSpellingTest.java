package io.github.devpayls.ls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.contract.Masking;
import io.github.devpayls.ls.internal.SensitiveNames;
import io.github.devpayls.ls.simulator.FixtureProduct;
import org.junit.jupiter.api.Test;

/** The library, the CLI and the simulator print a secret with the one spelling of the mask. */
class MaskSpellingTest {

    private static final String KEY = "ADMAY7DVLJTWHJ76MMBMQEXAMPLE";
    private static final String SECRET = "S".repeat(40);

    @Test
    void libraryCliAndSimulator_maskWithTheContractsSpelling() {
        assertThat(Secret.of(SECRET).toString()).contains(Masking.masked(40)).doesNotContain(SECRET);
        assertThat(Report.masked(Secret.of(SECRET))).isEqualTo(Masking.masked(40));
        assertThat(ActivationKey.of(KEY).toString()).contains(Masking.MASK).doesNotContain(KEY);
        assertThat(SensitiveNames.MASK).isEqualTo(Masking.MASK);
        FixtureProduct product = new FixtureProduct("6883959E", "{ProductToken}" + "A".repeat(312), KEY, KEY);
        assertThat(product.toString()).contains(Masking.masked(KEY.length())).doesNotContain(KEY);
    }
}
