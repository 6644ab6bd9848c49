package io.github.devpayls.ls.cli;

import io.github.devpayls.ls.store.CredentialStore;
import io.github.devpayls.ls.store.FileStoreBuilder;
import io.github.devpayls.ls.store.ProductKey;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --product} and {@code --store}: which entry of which credential store a command uses. */
final class StoreOptions {

    /** The application name of the default store directory ({@code ~/.config/devpay-ls/credentials}). */
    static final String APPLICATION_NAME = "devpay-ls";

    @Option(names = "--product", paramLabel = "CODE", required = true,
            description = "The product's code (e.g. 6883959E): names its entry in the store.")
    String product;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Credential store directory (default: ~/.config/devpay-ls/credentials, "
                    + "%%APPDATA%%\\devpay-ls\\credentials on Windows).")
    Path directory;

    /** @throws io.github.devpayls.ls.InvalidInputException when the code is not a safe file-name part */
    ProductKey productKey() {
        return ProductKey.of(product);
    }

    Path directory() {
        return directory != null ? directory : FileStoreBuilder.defaultDirectory(APPLICATION_NAME);
    }

    CredentialStore open() {
        return CredentialStore.inFiles().directory(directory()).build();
    }

    /** @return where the product's entry file is, for the user to see */
    String location(ProductKey productKey) {
        return open().entryLocation(productKey).map(Object::toString).orElse("(not a file)");
    }
}
