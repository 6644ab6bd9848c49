package io.github.devpayls.ls.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One fresh JVM's first activation: builds one client of the given variant, makes one successful
 * call and exits. src/jmh/cold-start.sh runs it many times under {@code /usr/bin/time -v}; the
 * breakdown it prints (building the client, the first call) is from inside the JVM.
 *
 * <p>Variants: {@code facade}, {@code raw-cxf}, {@code bare-cxf} (the generated proxy on CXF's
 * URLConnection conduit, nothing else: see {@link RawCxfCaller}) and {@code floor} build one client
 * and call once;
 * {@code cli-floor} is the floor as a command-line process would use it (the product token from
 * the environment, the set written to an owner-only file, one masked line printed), the process
 * the CLI's {@code activate} is compared with; {@code app} and {@code app-background} are an
 * application that starts up for {@value #APP_STARTUP_MS} ms (the user reads the dialog and types
 * the key) and then activates, building the facade when the user presses Activate or in the
 * background from the application's start; {@code second-client} builds a second facade client in
 * the same JVM after the first one's activation.
 *
 * <p>Arguments: {@code variant endpoint ca-pem|- product-token activation-key [store-dir]}.
 */
public final class ColdStart {

    /** How long the simulated application starts up before the user presses Activate. */
    static final long APP_STARTUP_MS = 1_500;

    private ColdStart() {
    }

    /**
     * @param args variant, endpoint, CA certificate file or {@code -}, product token, activation
     *             key, and for {@code cli-floor} the directory to write the set to
     * @throws Exception when the activation fails
     */
    public static void main(String[] args) throws Exception {
        Target target = new Target(URI.create(args[1]),
                "-".equals(args[2]) ? Optional.empty() : Optional.of(Path.of(args[2])), args[3], args[4]);
        switch (args[0]) {
            case "app", "app-background" -> application(target, args[0].equals("app-background"));
            case "second-client" -> secondClient(target);
            case "cli-floor" -> cliFloor(target, Path.of(args[5]));
            default -> oneClient(target, args[0]);
        }
        // The first activation is what a user waits for; JVM shutdown is not part of it.
        System.exit(0);
    }

    private static void oneClient(Target target, String variant) throws Exception {
        long start = System.nanoTime();
        ActivationCaller caller = caller(target, variant);
        long built = System.nanoTime();
        caller.activateOnceOrFail();
        long called = System.nanoTime();
        System.out.printf("build-ms: %d%nfirst-call-ms: %d%n", millis(built - start), millis(called - built));
        caller.close();
    }

    private static ActivationCaller caller(Target target, String variant) throws Exception {
        return switch (variant) {
            case "facade" -> new FacadeCaller(target);
            case "raw-cxf" -> new RawCxfCaller(target);
            case "bare-cxf" -> new RawCxfCaller(target, true);
            case "floor" -> new HandWrittenCaller(target);
            default -> throw new IllegalArgumentException("unknown variant: " + variant);
        };
    }

    private static void application(Target target, boolean background) throws Exception {
        long start = System.nanoTime();
        FacadeCaller early = background ? FacadeCaller.inBackground(target) : null;
        Thread.sleep(APP_STARTUP_MS);
        long pressed = System.nanoTime();
        FacadeCaller caller = background ? early : new FacadeCaller(target);
        long built = System.nanoTime();
        caller.activateOnceOrFail();
        long done = System.nanoTime();
        System.out.printf("build-ms: %d%nfirst-call-ms: %d%npressed-to-result-ms: %d%nstart-to-press-ms: %d%n",
                millis(built - pressed), millis(done - built), millis(done - pressed), millis(pressed - start));
        caller.close();
    }

    private static void secondClient(Target target) throws Exception {
        long start = System.nanoTime();
        FacadeCaller first = new FacadeCaller(target);
        first.activateOnceOrFail();
        long second = System.nanoTime();
        FacadeCaller other = new FacadeCaller(target);
        long built = System.nanoTime();
        other.activateOnceOrFail();
        long done = System.nanoTime();
        System.out.printf("build-ms: %d%nfirst-call-ms: %d%nfirst-client-ms: %d%nsecond-client-ms: %d%n",
                millis(built - second), millis(done - built), millis(second - start), millis(done - second));
        first.close();
        other.close();
    }

    /** The floor as a process: what the CLI's activate does, without the CLI. */
    private static void cliFloor(Target target, Path store) throws Exception {
        String token = Optional.ofNullable(System.getenv("DEVPAY_LS_PRODUCT_TOKEN")).orElse(target.productToken());
        Target fromEnvironment = new Target(target.endpoint(), target.caCertificate(), token, target.activationKey());
        HandWrittenCaller caller = new HandWrittenCaller(fromEnvironment);
        HandWrittenCaller.Credentials set = caller.activate();
        if (set.userToken() == null || set.accessKeyId() == null || set.secretAccessKey() == null) {
            throw new IllegalStateException("the hand-written activation issued no credentials");
        }
        write(store.resolve("credentials"), set.accessKeyId() + "\n" + set.secretAccessKey() + "\n" + set.userToken() + "\n");
        System.out.println("activated: access key " + set.accessKeyId().substring(0, 4) + "…");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
