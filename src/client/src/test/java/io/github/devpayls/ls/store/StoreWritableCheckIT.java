package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkWritable}, and {@code DesktopActivation.activate} calling it before it sends anything. */
class StoreWritableCheckIT {

    private static LicenseServiceSimulator simulator;
    private static LicenseServiceClient client;
    private static FixtureProduct product;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        simulator = LicenseServiceSimulator.builder().start();
        client = SimulatorBackedClients.trusting(simulator).build();
        product = simulator.fixtures().products().get(0);
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    private DesktopActivation lifecycle(CredentialStore store) {
        return DesktopActivation.builder().client(client).store(store).productKey(ProductKey.of(product.productCode()))
                .productToken(SimulatorBackedClients.token(product)).build();
    }

    @Test
    void activate_intoAStoreThatCannotBeWritten_throwsBeforeSendingAnything() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        CredentialStore store = CredentialStore.inFiles().directory(notADirectory).build();
        int before = simulator.requestCount();

        assertThatThrownBy(() -> lifecycle(store).activate(ActivationKey.of(product.activationKey())))
                .isInstanceOf(CredentialStoreException.class).hasMessageContaining(notADirectory.toString());
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void checkWritable_refusesAnEntryPathThatIsADirectory() throws Exception {
        ProductKey key = ProductKey.of(product.productCode());
        Files.createDirectory(directory.resolve(key.value() + FileCredentialStore.ENTRY_SUFFIX));
        CredentialStore store = CredentialStore.inFiles().directory(directory).build();

        assertThatThrownBy(() -> store.checkWritable(key)).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void checkWritable_leavesTheStoredEntryAndNoTempFileBehind() throws Exception {
        ProductKey key = ProductKey.of(product.productCode());
        CredentialStore store = CredentialStore.inFiles().directory(directory).build();
        CredentialEntry entry = CredentialEntry.activated(key, SampleCredentials.of('A', 1), Instant.now(),
                Optional.empty());
        store.replace(key, entry);
        byte[] before = Files.readAllBytes(directory.resolve(key.value() + FileCredentialStore.ENTRY_SUFFIX));

        store.checkWritable(key);

        assertThat(directory.resolve(key.value() + FileCredentialStore.ENTRY_SUFFIX)).hasBinaryContent(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(FileCredentialStore.TEMP_SUFFIX));
        }
    }

    @Test
    void checkWritable_ofTheInMemoryStore_passes() {
        CredentialStore.inMemory().checkWritable(ProductKey.of(product.productCode()));

        assertThatThrownBy(() -> CredentialStore.inMemory().checkWritable(null))
                .isInstanceOf(io.github.devpayls.ls.InvalidInputException.class);
    }
}
