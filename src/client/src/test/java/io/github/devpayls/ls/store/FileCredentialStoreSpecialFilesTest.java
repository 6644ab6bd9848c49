package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devpayls.ls.internal.SpecialFiles;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The file store reads an entry only when it is a regular file of bounded size. */
class FileCredentialStoreSpecialFilesTest {

    private static final ProductKey PRODUCT = CredentialStoreContract.PRODUCT;

    @TempDir
    Path directory;

    private Path entryFile() {
        return directory.resolve(PRODUCT.value() + FileCredentialStore.ENTRY_SUFFIX);
    }

    private NoUsableCredentials read() {
        CredentialLookup lookup = CredentialStore.inFiles().directory(directory).build().read(PRODUCT);
        assertThat(lookup).isInstanceOf(NoUsableCredentials.class);
        return (NoUsableCredentials) lookup;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_ofAnOversizedSparseEntry_isCorrupted_andNamesTheRule() throws Exception {
        SpecialFiles.sparse(entryFile(), 200L * 1024 * 1024);
        Files.setPosixFilePermissions(entryFile(), PosixFilePermissions.fromString("rw-------"));

        NoUsableCredentials none = read();

        assertThat(none.reason()).isEqualTo(Reason.CORRUPTED);
        assertThat(none.detail()).contains(entryFile().toString()).contains("must be at most 65536 bytes");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_ofAFifoEntry_isUnreadable_insteadOfBlocking() throws Exception {
        SpecialFiles.fifo(entryFile());

        assertThat(read().reason()).isEqualTo(Reason.UNREADABLE);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_ofAnEntryLinkedToDevZero_isUnreadable() throws Exception {
        Files.createSymbolicLink(entryFile(), SpecialFiles.DEV_ZERO);

        assertThat(read().reason()).isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void read_ofADirectoryEntry_isUnreadable() throws Exception {
        Files.createDirectory(entryFile());

        assertThat(read().reason()).isEqualTo(Reason.UNREADABLE);
    }
}
