package io.github.devpayls.ls.store;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link CredentialStore} shares; each implementation's test extends it. */
abstract class CredentialStoreContract {

    static final ProductKey PRODUCT = ProductKey.of("6883959E");
    static final Instant ACTIVATED = Instant.parse("2026-11-28T10:00:00Z");

    final ManualClock clock = ManualClock.startingAt(ACTIVATED);
    CredentialStore store;

    /**
     * @return a store on the given clock, empty on the first call; where the implementation keeps
     *         shared data (files), later calls return more instances over the same data
     */
    abstract CredentialStore storeOn(ManualClock clock);

    @BeforeEach
    void createStore() {
        store = storeOn(clock);
    }

    static CredentialEntry entry(long generation, Optional<Duration> lifetime) {
        return CredentialEntry.activated(PRODUCT, SampleCredentials.of('A', generation), ACTIVATED, lifetime);
    }

    @Test
    void read_whenNothingStored_returnsNoneStored() {
        assertThat(store.read(PRODUCT)).isInstanceOfSatisfying(NoUsableCredentials.class,
                none -> assertThat(none.reason()).isEqualTo(Reason.NONE_STORED));
    }

    @Test
    void read_afterReplace_returnsTheWholeEntry() {
        CredentialEntry stored = entry(1, Optional.of(Duration.ofSeconds(3600)));
        store.replace(PRODUCT, stored);

        assertThat(store.read(PRODUCT)).isEqualTo(new StoredCredentials(stored));
    }

    @Test
    void read_withoutTokenExpiration_neverExpires() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        clock.advance(Duration.ofDays(3650));

        assertThat(store.read(PRODUCT).isUsable()).isTrue();
    }

    @Test
    void read_beforeTokenExpiration_isUsable_andAtItsEnd_isExpired() {
        store.replace(PRODUCT, entry(1, Optional.of(Duration.ofSeconds(3600))));
        clock.advance(Duration.ofSeconds(3599));
        assertThat(store.read(PRODUCT).isUsable()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.read(PRODUCT)).isInstanceOfSatisfying(NoUsableCredentials.class, none -> {
            assertThat(none.reason()).isEqualTo(Reason.EXPIRED);
            assertThat(none.detail()).contains("2026-11-28T11:00:00Z");
        });
    }

    @Test
    void markInvalid_whenSetStored_readsInvalidatedWithReasonAndTime() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        clock.advance(Duration.ofMinutes(5));

        CredentialLookup afterMark = store.markInvalid(PRODUCT, "S3 returned InvalidAccessKeyId");

        assertThat(afterMark).isEqualTo(store.read(PRODUCT));
        assertThat(afterMark).isInstanceOfSatisfying(NoUsableCredentials.class, none -> {
            assertThat(none.reason()).isEqualTo(Reason.INVALIDATED);
            assertThat(none.detail()).contains("S3 returned InvalidAccessKeyId").contains("2026-11-28T10:05:00Z");
        });
    }

    @Test
    void markInvalid_whenAlreadyMarked_keepsTheFirstMark() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        store.markInvalid(PRODUCT, "first");

        CredentialLookup second = store.markInvalid(PRODUCT, "second");

        assertThat(((NoUsableCredentials) second).detail()).contains("first").doesNotContain("second");
    }

    @Test
    void markInvalid_whenExpired_readsInvalidated() {
        store.replace(PRODUCT, entry(1, Optional.of(Duration.ofSeconds(60))));
        clock.advance(Duration.ofHours(1));

        assertThat(((NoUsableCredentials) store.markInvalid(PRODUCT, "rejected")).reason())
                .isEqualTo(Reason.INVALIDATED);
    }

    @Test
    void markInvalid_whenNothingStored_storesNothingAndReportsNoneStored() {
        assertThat(((NoUsableCredentials) store.markInvalid(PRODUCT, "rejected")).reason())
                .isEqualTo(Reason.NONE_STORED);
        assertThat(((NoUsableCredentials) store.read(PRODUCT)).reason()).isEqualTo(Reason.NONE_STORED);
    }

    @Test
    void markInvalid_withBlankReason_isRefused() {
        assertThatThrownBy(() -> store.markInvalid(PRODUCT, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void replace_afterInvalidation_makesTheNewSetUsable() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        store.markInvalid(PRODUCT, "rejected");

        store.replace(PRODUCT, entry(2, Optional.empty()));

        assertThat(store.read(PRODUCT)).isEqualTo(new StoredCredentials(entry(2, Optional.empty())));
    }

    @Test
    void replace_withAnotherProductsEntry_isRefusedAndStoresNothing() {
        CredentialEntry other = CredentialEntry.activated(ProductKey.of("OTHER"), SampleCredentials.of('A', 1),
                ACTIVATED, Optional.empty());

        assertThatThrownBy(() -> store.replace(PRODUCT, other)).isInstanceOf(InvalidInputException.class);
        assertThat(store.read(PRODUCT).isUsable()).isFalse();
    }

    @Test
    void delete_removesTheEntry_andReportsWhetherOneExisted() {
        store.replace(PRODUCT, entry(1, Optional.empty()));

        assertThat(store.delete(PRODUCT)).isTrue();
        assertThat(store.delete(PRODUCT)).isFalse();
        assertThat(((NoUsableCredentials) store.read(PRODUCT)).reason()).isEqualTo(Reason.NONE_STORED);
    }

    @Test
    void twoProducts_keepSeparateSets() {
        ProductKey other = ProductKey.of("OTHER-1");
        CredentialEntry otherEntry = CredentialEntry.activated(other, SampleCredentials.of('B', 7), ACTIVATED,
                Optional.empty());
        store.replace(PRODUCT, entry(1, Optional.empty()));
        store.replace(other, otherEntry);

        store.delete(PRODUCT);

        assertThat(store.read(other)).isEqualTo(new StoredCredentials(otherEntry));
    }

    @Test
    void update_seesTheCurrentState_andStoresWhatTheFunctionReturns() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        List<CredentialLookup> seen = new ArrayList<>();

        CredentialLookup result = store.update(PRODUCT, current -> {
            seen.add(current);
            return Optional.of(entry(2, Optional.empty()));
        });

        assertThat(seen).containsExactly(new StoredCredentials(entry(1, Optional.empty())));
        assertThat(result).isEqualTo(new StoredCredentials(entry(2, Optional.empty())));
        assertThat(store.read(PRODUCT)).isEqualTo(result);
    }

    @Test
    void update_returningEmpty_leavesTheStoreUnchanged() {
        store.replace(PRODUCT, entry(1, Optional.empty()));

        CredentialLookup result = store.update(PRODUCT, current -> Optional.empty());

        assertThat(result).isEqualTo(new StoredCredentials(entry(1, Optional.empty())));
        assertThat(store.read(PRODUCT)).isEqualTo(result);
    }

    @Test
    void update_whenNothingStored_passesNoneStored() {
        List<CredentialLookup> seen = new ArrayList<>();

        store.update(PRODUCT, current -> {
            seen.add(current);
            return Optional.empty();
        });

        assertThat(seen).singleElement().isInstanceOfSatisfying(NoUsableCredentials.class,
                none -> assertThat(none.reason()).isEqualTo(Reason.NONE_STORED));
    }

    @Test
    void update_mayCallTheStoreForTheSameProductFromInside() {
        store.replace(PRODUCT, entry(1, Optional.empty()));

        store.update(PRODUCT, current -> {
            store.markInvalid(PRODUCT, "rejected inside update");
            return Optional.empty();
        });

        assertThat(((NoUsableCredentials) store.read(PRODUCT)).reason()).isEqualTo(Reason.INVALIDATED);
    }

    @Test
    void update_returningAnotherProductsEntry_isRefusedAndKeepsTheOldEntry() {
        store.replace(PRODUCT, entry(1, Optional.empty()));
        CredentialEntry other = CredentialEntry.activated(ProductKey.of("OTHER"), SampleCredentials.of('A', 2),
                ACTIVATED, Optional.empty());

        assertThatThrownBy(() -> store.update(PRODUCT, current -> Optional.of(other)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.read(PRODUCT)).isEqualTo(new StoredCredentials(entry(1, Optional.empty())));
    }

    @Test
    void update_fromConcurrentThreads_losesNoIncrement() throws Exception {
        // Two store instances over the same data (where the implementation allows) and four threads
        // each incrementing the generation: a lost update would show as a smaller final generation.
        store.replace(PRODUCT, entry(0, Optional.empty()));
        CredentialStore second = sameDataStore();
        int threads = 4;
        int incrementsPerThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                CredentialStore target = t % 2 == 0 ? store : second;
                Callable<Void> work = () -> {
                    start.await();
                    for (int i = 0; i < incrementsPerThread; i++) {
                        target.update(PRODUCT, current -> Optional.of(entry(
                                SampleCredentials.generationOf(((StoredCredentials) current).credentials()) + 1,
                                Optional.empty())));
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Void> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.read(PRODUCT)).isEqualTo(new StoredCredentials(entry(threads * incrementsPerThread,
                Optional.empty())));
    }

    /** @return a second store instance over this store's data, or this store when it has no shareable data */
    CredentialStore sameDataStore() {
        return storeOn(clock);
    }

    @Test
    void toString_ofEntryAndLookup_showsNoSecret() {
        CredentialEntry stored = entry(1, Optional.empty());
        store.replace(PRODUCT, stored);
        String printed = stored + " " + store.read(PRODUCT) + " " + store;

        assertThat(printed)
                .doesNotContain(stored.credentials().userToken().reveal())
                .doesNotContain(stored.credentials().secretAccessKey().reveal())
                .contains("****");
    }
}
