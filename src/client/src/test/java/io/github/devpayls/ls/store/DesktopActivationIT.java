package io.github.devpayls.ls.store;

import io.github.devpayls.ls.simulator.junit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProtocolFailureException;
import io.github.devpayls.ls.Secret;
import io.github.devpayls.ls.ServiceErrorCode;
import io.github.devpayls.ls.SimulatorBackedClients;
import io.github.devpayls.ls.simulator.CredentialPart;
import io.github.devpayls.ls.simulator.FixtureProduct;
import io.github.devpayls.ls.simulator.InjectedFault;
import io.github.devpayls.ls.simulator.IssuedCredentials;
import io.github.devpayls.ls.simulator.LicenseServiceSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state transition of the lifecycle against the simulator over HTTPS (its CA trusted,
 * hostname checks on) and a file store in a temporary directory.
 */
class DesktopActivationIT {

    private static LicenseServiceSimulator simulator;
    private static LicenseServiceClient client;
    private static FixtureProduct product;

    @TempDir
    Path directory;

    private ManualClock clock;
    private CredentialStore store;
    private ProductKey productKey;

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

    @BeforeEach
    void openStore() {
        simulator.faults().clear();
        clock = ManualClock.startingAt(Instant.now());
        store = CredentialStore.inFiles().directory(directory).clock(clock).build();
        productKey = ProductKey.of(product.productCode());
    }

    private DesktopActivation lifecycle(Duration tokenExpiration) {
        return DesktopActivation.builder().client(client).store(store).productKey(productKey)
                .productToken(SimulatorBackedClients.token(product)).tokenExpiration(tokenExpiration).clock(clock)
                .build();
    }

    private static ActivationKey freshKey() {
        return SimulatorBackedClients.freshKey(simulator, product);
    }

    private static DesktopCredentials issuedSet(ActivationResult result) {
        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        return ((ActivationResult.Activated) result).credentials();
    }

    private static NoUsableCredentials.Reason reasonOf(CredentialLookup lookup) {
        assertThat(lookup).isInstanceOf(NoUsableCredentials.class);
        return ((NoUsableCredentials) lookup).reason();
    }

    private static DesktopCredentials storedSet(CredentialLookup lookup) {
        assertThat(lookup).isInstanceOf(StoredCredentials.class);
        return ((StoredCredentials) lookup).credentials();
    }

    @Test
    void activate_fromNothingStored_storesTheIssuedSetWithItsLifetime() {
        DesktopActivation activation = lifecycle(Duration.ofHours(1));
        assertThat(reasonOf(activation.current())).isEqualTo(NoUsableCredentials.Reason.NONE_STORED);

        ActivationResult result = activation.activate(freshKey());

        DesktopCredentials issued = issuedSet(result);
        IssuedCredentials onServer = simulator.issuedFor(((ActivationResult.Activated) result).requestId().value())
                .orElseThrow();
        assertThat(issued.userToken().reveal()).isEqualTo(onServer.userToken());
        CredentialLookup current = activation.current();
        assertThat(storedSet(current)).isEqualTo(issued);
        CredentialEntry entry = ((StoredCredentials) current).entry();
        assertThat(entry.activatedAt()).isEqualTo(clock.instant());
        assertThat(entry.tokenExpiration()).contains(Duration.ofHours(1));
        assertThat(onServer.userTokenExpiresAt()).as("the lifetime was requested from the service").isPresent();
    }

    @Test
    void current_afterTheRequestedTokenExpirationPasses_saysExpired_andReactivationFixesIt() {
        DesktopActivation activation = lifecycle(Duration.ofHours(1));
        activation.activate(freshKey());

        clock.advance(Duration.ofMinutes(59));
        assertThat(activation.current().isUsable()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(reasonOf(activation.current())).isEqualTo(NoUsableCredentials.Reason.EXPIRED);

        DesktopCredentials renewed = issuedSet(activation.activate(freshKey()));
        assertThat(storedSet(activation.current())).isEqualTo(renewed);
    }

    @Test
    void current_withoutTokenExpiration_neverExpires() {
        DesktopActivation activation = lifecycle(null);
        activation.activate(freshKey());

        clock.advance(Duration.ofDays(3650));

        assertThat(activation.current().isUsable()).isTrue();
    }

    @Test
    void invalidate_thenReactivate_replacesTheInvalidatedSet() {
        DesktopActivation activation = lifecycle(Duration.ofDays(30));
        DesktopCredentials first = issuedSet(activation.activate(freshKey()));

        CredentialLookup afterInvalidate = activation.invalidate("S3 rejected the user token (403)");

        assertThat(reasonOf(afterInvalidate)).isEqualTo(NoUsableCredentials.Reason.INVALIDATED);
        assertThat(reasonOf(activation.current())).isEqualTo(NoUsableCredentials.Reason.INVALIDATED);
        assertThat(((NoUsableCredentials) activation.current()).detail()).contains("S3 rejected the user token");

        DesktopCredentials second = issuedSet(activation.activate(freshKey()));

        assertThat(second).isNotEqualTo(first);
        assertThat(storedSet(activation.current())).isEqualTo(second);
    }

    @Test
    void invalidateTheRejectedSet_whenAnotherSetWasStoredMeanwhile_keepsTheNewerSetUsable() {
        DesktopActivation activation = lifecycle(null);
        DesktopCredentials rejected = issuedSet(activation.activate(freshKey()));
        DesktopCredentials newer = issuedSet(activation.activate(freshKey()));

        CredentialLookup after = activation.invalidate(rejected, "S3 rejected the user token");

        assertThat(storedSet(after)).isEqualTo(newer);
        assertThat(reasonOf(activation.invalidate(newer, "S3 rejected the user token")))
                .isEqualTo(NoUsableCredentials.Reason.INVALIDATED);
    }

    @Test
    void rejectedActivation_leavesTheOldSetStoredAndUsable() {
        DesktopActivation activation = lifecycle(null);
        DesktopCredentials old = issuedSet(activation.activate(freshKey()));

        ActivationResult result = activation.activate(ActivationKey.of(product.expiredActivationKey()));

        assertThat(result).isInstanceOf(ActivationResult.Rejected.class);
        assertThat(((ActivationResult.Rejected) result).error().code())
                .isEqualTo(ServiceErrorCode.EXPIRED_ACTIVATION_KEY);
        assertThat(storedSet(activation.current())).isEqualTo(old);
    }

    @Test
    void rejectedActivation_ofAnInvalidatedSet_keepsItInvalidated() {
        DesktopActivation activation = lifecycle(null);
        activation.activate(freshKey());
        activation.invalidate("S3 rejected the user token");

        activation.activate(ActivationKey.of(product.expiredActivationKey()));

        assertThat(reasonOf(activation.current())).isEqualTo(NoUsableCredentials.Reason.INVALIDATED);
    }

    @Test
    void noAnswer_isThrownUnchanged_andLeavesTheOldSet() {
        DesktopActivation activation = lifecycle(null);
        DesktopCredentials old = issuedSet(activation.activate(freshKey()));
        int before = simulator.requestCount();
        simulator.faults().injectNext(1, InjectedFault.missingCredential(CredentialPart.SECRET_ACCESS_KEY));

        assertThatThrownBy(() -> activation.activate(freshKey())).isInstanceOf(ProtocolFailureException.class);

        assertThat(simulator.requestCount()).as("the call reached the service").isEqualTo(before + 1);
        assertThat(storedSet(activation.current())).isEqualTo(old);
    }

    @Test
    void corruptedEntry_saysActivationNeededWithTheReason_andActivationRepairsIt() throws Exception {
        DesktopActivation activation = lifecycle(null);
        activation.activate(freshKey());
        Path entryFile = directory.resolve(productKey.value() + ".credentials");
        Files.writeString(entryFile, "devpay-ls-credentials 1\nthis is not an entry\nend\n", StandardCharsets.UTF_8);

        CredentialLookup damaged = activation.current();

        assertThat(reasonOf(damaged)).isEqualTo(NoUsableCredentials.Reason.CORRUPTED);
        assertThat(((NoUsableCredentials) damaged).detail()).isNotBlank();
        DesktopCredentials repaired = issuedSet(activation.activate(freshKey()));
        assertThat(storedSet(activation.current())).isEqualTo(repaired);
    }

    @Test
    void truncatedEntry_saysIncomplete() throws Exception {
        DesktopActivation activation = lifecycle(null);
        activation.activate(freshKey());
        Path entryFile = directory.resolve(productKey.value() + ".credentials");
        List<String> lines = Files.readAllLines(entryFile);
        Files.write(entryFile, lines.subList(0, lines.size() / 2));

        assertThat(reasonOf(activation.current())).isEqualTo(NoUsableCredentials.Reason.INCOMPLETE);
    }

    @Test
    void failedWrite_throwsStoreException_andKeepsTheOldSet() throws Exception {
        DesktopActivation activation = lifecycle(null);
        DesktopCredentials old = issuedSet(activation.activate(freshKey()));
        // A directory where the lock file belongs makes every write fail, even for root (who ignores
        // permission bits); readers take no lock, so the old entry stays readable.
        Path lockFile = directory.resolve(productKey.value() + ".lock");
        Files.deleteIfExists(lockFile);
        Files.createDirectory(lockFile);

        assertThatThrownBy(() -> activation.activate(freshKey()))
                .isInstanceOf(CredentialStoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(old.secretAccessKey().reveal())
                        .doesNotContain(old.userToken().reveal()));
        assertThat(storedSet(activation.current())).isEqualTo(old);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoThreadsActivatingAtOnce_endWithOneCompleteIssuedSet() throws Exception {
        DesktopActivation activation = lifecycle(Duration.ofDays(1));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<DesktopCredentials> activateOnce = () -> {
            ActivationKey key = freshKey();
            start.await();
            return issuedSet(activation.activate(key));
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<DesktopCredentials> a = threads.submit(activateOnce);
            Future<DesktopCredentials> b = threads.submit(activateOnce);
            DesktopCredentials setA = a.get();
            DesktopCredentials setB = b.get();

            assertThat(setA).isNotEqualTo(setB);
            assertThat(storedSet(activation.current())).isIn(setA, setB);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesActivatingAtOnce_endWithOneCompleteIssuedSet() throws Exception {
        String[] args = {simulator.endpoint().toString(), simulator.caCertificatePem().orElseThrow().toString(),
            product.productCode(), directory.toString()};
        Files.writeString(directory.resolve("product-token.txt"), product.productToken());
        String requestA;
        String requestB;
        try (ChildJvm a = ChildJvm.start(DesktopActivationChild.class, args);
                ChildJvm b = ChildJvm.start(DesktopActivationChild.class, args)) {
            a.awaitLine("ready");
            b.awaitLine("ready");
            a.send(freshKey().reveal());
            b.send(freshKey().reveal());
            requestA = a.awaitLine("activated ").substring("activated ".length());
            requestB = b.awaitLine("activated ").substring("activated ".length());
            assertThat(a.awaitExit()).as("child A: %s", a.transcript()).isZero();
            assertThat(b.awaitExit()).as("child B: %s", b.transcript()).isZero();
        }

        DesktopCredentials stored = storedSet(lifecycle(null).current());
        List<Secret> issuedTokens = List.of(requestA, requestB).stream()
                .map(id -> Secret.of(simulator.issuedFor(id).orElseThrow().userToken())).toList();
        assertThat(issuedTokens.get(0)).isNotEqualTo(issuedTokens.get(1));
        assertThat(stored.userToken()).isIn(issuedTokens);
    }

    @Test
    void build_withoutRequiredSettings_namesTheMissingOne() {
        assertThatThrownBy(() -> DesktopActivation.builder().client(client).store(store).productKey(productKey).build())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("productToken"));
        assertThatThrownBy(() -> lifecycle(Duration.ofMillis(1500)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tokenExpiration"));
    }

    @Test
    void toString_namesTheProduct_andNoSecret() {
        DesktopActivation activation = lifecycle(Duration.ofDays(30));

        assertThat(activation.toString()).contains(product.productCode()).contains("PT720H")
                .doesNotContain(product.productToken());
    }
}
