package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.internal.BoundedFiles.Refusal;
import io.github.devpayls.ls.internal.BoundedFiles.RefusedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {

    @TempDir
    Path directory;

    private static Refusal refusalOf(Path file, int cap) {
        try {
            BoundedFiles.read(file, cap);
        } catch (RefusedFileException e) {
            assertThat(e.rule()).contains(file.toString());
            return e.refusal();
        }
        throw new AssertionError(file + " was read");
    }

    @Test
    void read_returnsTheWholeFile_upToTheCap() throws Exception {
        Path file = Files.writeString(directory.resolve("token"), "12345");

        assertThat(BoundedFiles.read(file, 5)).containsExactly('1', '2', '3', '4', '5');
    }

    @Test
    void read_refusesAFileOneByteOverTheCap() throws Exception {
        Path file = Files.writeString(directory.resolve("token"), "123456");

        assertThatThrownBy(() -> BoundedFiles.read(file, 5)).isInstanceOf(RefusedFileException.class)
                .hasMessage("must be at most 5 bytes: " + file + " is larger");
    }

    @Test
    void read_refusesAnOversizedSparseFile_beforeReadingIt() throws Exception {
        Path file = SpecialFiles.sparse(directory.resolve("huge"), 200L * 1024 * 1024);

        assertThat(refusalOf(file, BoundedFiles.PRODUCT_TOKEN_FILE_MAX_BYTES)).isEqualTo(Refusal.TOO_LARGE);
    }

    @Test
    void read_refusesADirectory() {
        assertThat(refusalOf(directory, 1024)).isEqualTo(Refusal.NOT_REGULAR);
    }

    @Test
    void read_refusesAMissingFile() {
        assertThat(refusalOf(directory.resolve("absent"), 1024)).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_refusesDevZero_withoutReadingIt() {
        assertThat(refusalOf(SpecialFiles.DEV_ZERO, 1024)).isEqualTo(Refusal.NOT_REGULAR);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_refusesAFifo_withoutBlockingOnIt() throws Exception {
        Path fifo = SpecialFiles.fifo(directory.resolve("fifo"));

        assertThat(refusalOf(fifo, 1024)).isEqualTo(Refusal.NOT_REGULAR);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_followsASymbolicLink_andJudgesItsTarget() throws Exception {
        Path target = Files.writeString(directory.resolve("target"), "abc");
        Path link = Files.createSymbolicLink(directory.resolve("link"), target);
        Path linkToDevice = Files.createSymbolicLink(directory.resolve("zero"), SpecialFiles.DEV_ZERO);

        assertThat(BoundedFiles.read(link, 3)).hasSize(3);
        assertThat(refusalOf(linkToDevice, 1024)).isEqualTo(Refusal.NOT_REGULAR);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void read_boundsAFileLargerThanItsReportedSize() {
        // procfs reports size 0 for files with content, as a file still growing would: only the
        // cap+1 read bounds them.
        Path maps = Path.of("/proc/self/maps");

        assertThat(refusalOf(maps, 16)).isEqualTo(Refusal.TOO_LARGE);
    }
}
