package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.LicenseServiceClient;
import io.github.devpayls.ls.ProductToken;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import io.github.devpayls.ls.internal.BoundedFiles;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of every command that calls the service ({@code activate}, {@code verify},
 * {@code refresh}): where it is, whom to trust, the product token, and the exchange log.
 */
final class ServiceOptions {

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = LicenseServiceFacts.DEFAULT_ENDPOINT,
            description = "The License Service endpoint (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust only the CA certificates in this PEM file (default: the JDK's trusted CAs).")
    Path caFile;

    @Option(names = "--allow-insecure-loopback",
            description = "Allow an http:// endpoint, on 127.0.0.0/8, ::1 or localhost only (a local simulator).")
    boolean allowInsecureLoopback;

    @Option(names = "--product-token-file", paramLabel = "FILE",
            description = "File holding the product token (default: $" + CliEnvironment.PRODUCT_TOKEN_VARIABLE + ").")
    Path productTokenFile;

    @Option(names = Main.VERBOSE, description = "Log the exchange with the service (secrets masked) and retries to"
            + " standard error.")
    boolean verbose;

    /** @return a client for the endpoint and trust given; the caller closes it */
    LicenseServiceClient client() {
        LicenseServiceClient.Builder builder = LicenseServiceClient.builder().endpoint(endpoint)
                .allowInsecureLoopback(allowInsecureLoopback).logSoapMessages(verbose);
        if (caFile != null) {
            try {
                builder.trustPemCertificates(caFile);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("ca-file", e.rule()); // the option's name, not the builder's
            }
        }
        return builder.build();
    }

    /** @return the product token from {@code --product-token-file} or the environment; never the command line */
    ProductToken productToken(CliEnvironment environment) {
        if (productTokenFile != null) {
            try {
                byte[] bytes = BoundedFiles.read(productTokenFile, BoundedFiles.PRODUCT_TOKEN_FILE_MAX_BYTES);
                return ProductToken.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip());
            } catch (BoundedFiles.RefusedFileException e) {
                throw new InvalidInputException("product-token-file", e.rule());
            } catch (CharacterCodingException e) {
                throw new InvalidInputException("product-token-file", "must be UTF-8 text: " + productTokenFile
                        + " is not");
            }
        }
        return ProductToken.of(environment.variable(CliEnvironment.PRODUCT_TOKEN_VARIABLE).orElseThrow(
                () -> new InvalidInputException("product token", "is required: give --product-token-file FILE or set "
                        + CliEnvironment.PRODUCT_TOKEN_VARIABLE)));
    }
}
