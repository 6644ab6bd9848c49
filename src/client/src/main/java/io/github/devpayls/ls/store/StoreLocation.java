package io.github.devpayls.ls.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the file store keeps entries by default: {@code <config>/<application>/credentials}, where
 * {@code <config>} is {@code %APPDATA%} on Windows and {@code $XDG_CONFIG_HOME} (or
 * {@code ~/.config}) elsewhere. A separate {@code credentials} directory lets the store own its
 * permissions (0700) without touching the application's other configuration.
 */
final class StoreLocation {

    static final String CREDENTIALS_DIRECTORY = "credentials";

    private StoreLocation() {
    }

    /**
     * @param applicationName a file-name-safe name
     * @param environment     the process environment
     * @param osName          the {@code os.name} system property
     * @param userHome        the {@code user.home} system property
     */
    static Path defaultDirectory(String applicationName, Map<String, String> environment, String osName,
            String userHome) {
        return configBase(environment, osName, userHome).resolve(applicationName).resolve(CREDENTIALS_DIRECTORY);
    }

    private static Path configBase(Map<String, String> environment, String osName, String userHome) {
        if (osName.startsWith("Windows")) {
            Path appData = absoluteOrNull(environment.get("APPDATA"));
            return appData != null ? appData : Path.of(userHome, "AppData", "Roaming");
        }
        // The XDG spec says a relative $XDG_CONFIG_HOME is invalid and must be ignored.
        Path xdg = absoluteOrNull(environment.get("XDG_CONFIG_HOME"));
        return xdg != null ? xdg : Path.of(userHome, ".config");
    }

    private static Path absoluteOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? path : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
