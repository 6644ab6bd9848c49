package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Configures the file-based {@link CredentialStore}. Set {@link #applicationName(String)} for the
 * default location, or {@link #directory(Path)} to choose one; {@link #encryption(Encryption)} to
 * encrypt entries at rest. Not thread-safe; the store it builds is.
 */
public final class FileStoreBuilder {

    private String applicationName;
    private Path directory;
    private Encryption encryption;
    private Clock clock = Clock.systemUTC();

    FileStoreBuilder() {
    }

    /**
     * Names the application, which picks the default directory (see {@link #defaultDirectory(String)}).
     *
     * @param applicationName ASCII letters, digits, {@code .}, {@code _} or {@code -}; at most 64
     * @return this builder
     * @throws InvalidInputException when the name is not a safe file-name part
     */
    public FileStoreBuilder applicationName(String applicationName) {
        ProductKey.requireFileNameSafe("applicationName", applicationName);
        this.applicationName = applicationName;
        return this;
    }

    /**
     * Overrides the location: entries go directly into this directory, created (0700) on first write.
     *
     * @param directory the directory
     * @return this builder
     * @throws InvalidInputException when the directory is missing
     */
    public FileStoreBuilder directory(Path directory) {
        if (directory == null) {
            throw new InvalidInputException("directory", "is required");
        }
        this.directory = directory;
        return this;
    }

    /**
     * Encrypts every entry written and refuses entries stored in clear.
     *
     * @param encryption the key or passphrase setting
     * @return this builder
     * @throws InvalidInputException when the setting is missing
     */
    public FileStoreBuilder encryption(Encryption encryption) {
        if (encryption == null) {
            throw new InvalidInputException("encryption", "is required");
        }
        this.encryption = encryption;
        return this;
    }

    /**
     * Sets the clock that judges expiry and stamps invalidations; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     * @throws InvalidInputException when the clock is missing
     */
    public FileStoreBuilder clock(Clock clock) {
        if (clock == null) {
            throw new InvalidInputException("clock", "is required");
        }
        this.clock = clock;
        return this;
    }

    /**
     * Builds the store. Touches no file: the directory is created on the first write.
     *
     * @return the store
     * @throws InvalidInputException when neither an application name nor a directory was set
     */
    public CredentialStore build() {
        Path target = directory != null ? directory : Optional.ofNullable(applicationName)
                .map(FileStoreBuilder::defaultDirectory)
                .orElseThrow(() -> new InvalidInputException("applicationName", "is required unless a directory is set"));
        return new FileCredentialStore(target.toAbsolutePath().normalize(), Optional.ofNullable(encryption), clock);
    }

    /**
     * Where entries go for this application unless {@link #directory(Path)} overrides it:
     * {@code %APPDATA%\<app>\credentials} on Windows; elsewhere
     * {@code $XDG_CONFIG_HOME/<app>/credentials}, or {@code ~/.config/<app>/credentials} when
     * {@code XDG_CONFIG_HOME} is unset or not absolute.
     *
     * @param applicationName the application name
     * @return the directory (not created)
     * @throws InvalidInputException when the name is not a safe file-name part
     */
    public static Path defaultDirectory(String applicationName) {
        ProductKey.requireFileNameSafe("applicationName", applicationName);
        return StoreLocation.defaultDirectory(applicationName, System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home", ""));
    }
}
