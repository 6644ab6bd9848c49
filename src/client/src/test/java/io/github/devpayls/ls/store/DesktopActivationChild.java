package io.github.devpayls.ls.store;

import io.github.devpayls.ls.ActivationKey;
import io.github.devpayls.ls.ActivationResult;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child JVM of {@link DesktopActivationIT}: activates one product into a file store once it reads
 * an activation key on stdin, so two children can be released at the same moment.
 * Arguments: endpoint, CA PEM file, product code, store directory (holding product-token.txt).
 * Prints {@code ready}, then {@code activated <request id>}.
 */
final class DesktopActivationChild {

    private DesktopActivationChild() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[3]);
        try (LicenseServiceClient client = LicenseServiceClient.builder().endpoint(args[0])
                .trustPemCertificates(Path.of(args[1])).build()) {
            DesktopActivation activation = DesktopActivation.builder().client(client)
                    .store(CredentialStore.inFiles().directory(directory).build())
                    .productKey(ProductKey.of(args[2]))
                    .productToken(ProductToken.of(Files.readString(directory.resolve("product-token.txt")).strip()))
                    .build();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            ActivationResult result = activation.activate(ActivationKey.of(in.readLine()));
            if (!(result instanceof ActivationResult.Activated activated)) {
                System.out.println("not activated: " + result);
                System.exit(1);
                return;
            }
            System.out.println("activated " + activated.requestId().value());
        }
    }
}
