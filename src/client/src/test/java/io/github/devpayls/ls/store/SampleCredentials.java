package io.github.devpayls.ls.store;

import io.github.devpayls.ls.DesktopCredentials;
import io.github.devpayls.ls.Secret;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * Realistically shaped credential sets whose three parts all encode the same writer tag and
 * generation, so a reader can tell a complete set from a mix of two.
 */
final class SampleCredentials {

    private SampleCredentials() {
    }

    /**
     * @param writer     one letter naming the writer
     * @param generation the write number
     */
    static DesktopCredentials of(char writer, long generation) {
        String id = writer + String.format("%017d", generation);
        String seed = ("user-token-of-" + id + "-").repeat(20);
        String userToken = "{UserToken}" + Base64.getEncoder().encodeToString(seed.getBytes(StandardCharsets.US_ASCII))
                .substring(0, 400);
        String accessKeyId = "AK" + id;
        String secretAccessKey = ("sk" + id + "secretsecretsecretsecret").substring(0, 40);
        return new DesktopCredentials(Secret.of(userToken), accessKeyId, Secret.of(secretAccessKey));
    }

    /** @return the generation when all three parts agree, else -1 */
    static long generationOf(DesktopCredentials credentials) {
        String accessKeyId = credentials.accessKeyId();
        if (accessKeyId.length() != 20 || !accessKeyId.startsWith("AK")) {
            return -1;
        }
        long generation = Long.parseLong(accessKeyId.substring(3));
        return of(accessKeyId.charAt(2), generation).equals(credentials) ? generation : -1;
    }

    /** @return the writer letter of a set made by {@link #of} */
    static char writerOf(DesktopCredentials credentials) {
        return credentials.accessKeyId().charAt(2);
    }
}
