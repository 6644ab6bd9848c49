package io.github.devpayls.ls.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One fresh JVM's first activation: builds one client of the given variant, makes one successful
 * call and exits. src/jmh/cold-start.sh runs it many times under {@code /usr/bin/time -v}; the
 * breakdown it prints (building the client, the first call) is from inside the JVM.
 *
 * <p>Arguments: {@code facade|raw-cxf endpoint ca-pem|- product-token activation-key}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * @param args variant, endpoint, CA certificate file or {@code -}, product token, activation key
     * @throws Exception when the activation fails
     */
    public static void main(String[] args) throws Exception {
        Target target = new Target(URI.create(args[1]),
                "-".equals(args[2]) ? Optional.empty() : Optional.of(Path.of(args[2])), args[3], args[4]);
        long start = System.nanoTime();
        ActivationCaller caller = switch (args[0]) {
            case "facade" -> new FacadeCaller(target);
            case "raw-cxf" -> new RawCxfCaller(target);
            default -> throw new IllegalArgumentException("unknown variant: " + args[0]);
        };
        long built = System.nanoTime();
        caller.activateOnceOrFail();
        long called = System.nanoTime();
        System.out.printf("build-ms: %d%nfirst-call-ms: %d%n", (built - start) / 1_000_000, (called - built) / 1_000_000);
        caller.close();
        // The first activation is what a user waits for; JVM shutdown is not part of it.
        System.exit(0);
    }
}
