package io.github.devpayls.ls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.internal.BoundedFiles;
import io.github.devpayls.ls.internal.SpecialFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustPemCertificates} reads only a regular file of bounded size, and says why not. */
class TrustPemCertificatesFileTest {

    @TempDir
    Path directory;

    private static void assertRefused(Path pem, String rule) {
        assertThatThrownBy(() -> LicenseServiceClient.builder().trustPemCertificates(pem))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("trustPemCertificates");
                    assertThat(e.rule()).contains(rule).contains(pem.toString());
                });
    }

    @Test
    void trustPemCertificates_refusesAnOversizedFile_withoutReadingIt() throws Exception {
        Path huge = SpecialFiles.sparse(directory.resolve("huge.pem"), 200L * 1024 * 1024);

        assertRefused(huge, "must be at most " + BoundedFiles.PEM_FILE_MAX_BYTES + " bytes");
    }

    @Test
    void trustPemCertificates_refusesADirectory() {
        assertRefused(directory, "must be a regular file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void trustPemCertificates_refusesDevZero_insteadOfHanging() {
        assertRefused(SpecialFiles.DEV_ZERO, "must be a regular file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void trustPemCertificates_refusesAFifo_insteadOfBlocking() throws Exception {
        assertRefused(SpecialFiles.fifo(directory.resolve("ca.pem")), "must be a regular file");
    }
}
