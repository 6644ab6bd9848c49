package io.github.devpayls.ls.reliability;

import io.github.devpayls.ls.LicenseServiceClient;

/**
 * Builds a client twice and prints one line: run by {@link QuietConstructionTest} in a JVM whose
 * class path has no SLF4J backend, where CXF logs through {@code java.util.logging} to standard error.
 */
public final class QuietConstructionChild {

    private QuietConstructionChild() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try (LicenseServiceClient client = LicenseServiceClient.builder().build()) {
                System.out.println("built " + client.endpoint());
            }
        }
    }
}
