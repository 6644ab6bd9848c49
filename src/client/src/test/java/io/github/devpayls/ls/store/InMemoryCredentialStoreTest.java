package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.InvalidInputException;
import org.junit.jupiter.api.Test;

class InMemoryCredentialStoreTest extends CredentialStoreContract {

    @Override
    CredentialStore storeOn(MutableClock clock) {
        return CredentialStore.inMemory(clock);
    }

    @Override
    CredentialStore sameDataStore() {
        return store;
    }

    @Test
    void inMemory_withoutClock_isRefused() {
        assertThatThrownBy(() -> CredentialStore.inMemory(null)).isInstanceOf(InvalidInputException.class);
    }
}
