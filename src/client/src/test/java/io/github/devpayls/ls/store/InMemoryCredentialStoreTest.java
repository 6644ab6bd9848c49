package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.devpayls.ls.simulator.junit.ManualClock;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.InvalidInputException;
import org.junit.jupiter.api.Test;

class InMemoryCredentialStoreTest extends CredentialStoreContract {

    @Override
    CredentialStore storeOn(ManualClock clock) {
        return CredentialStore.inMemory(clock);
    }

    @Override
    CredentialStore sameDataStore() {
        return store;
    }

    @Test
    void entryLocation_isEmpty_thereIsNoFileToShow() {
        assertThat(CredentialStore.inMemory().entryLocation(ProductKey.of("6883959E"))).isEmpty();
    }

    @Test
    void inMemory_withoutClock_isRefused() {
        assertThatThrownBy(() -> CredentialStore.inMemory(null)).isInstanceOf(InvalidInputException.class);
    }
}
