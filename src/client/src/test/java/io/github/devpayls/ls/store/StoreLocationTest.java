package io.github.devpayls.ls.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    @Test
    void unix_withXdgConfigHome_usesIt() {
        assertThat(StoreLocation.defaultDirectory("app", Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/xdg/app/credentials"));
    }

    @Test
    void unix_withoutXdgConfigHome_usesDotConfigInHome() {
        assertThat(StoreLocation.defaultDirectory("app", Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/app/credentials"));
    }

    @Test
    void unix_withRelativeOrBlankXdgConfigHome_ignoresIt() {
        assertThat(StoreLocation.defaultDirectory("app", Map.of("XDG_CONFIG_HOME", "relative/dir"), "Mac OS X",
                "/Users/u")).isEqualTo(Path.of("/Users/u/.config/app/credentials"));
        assertThat(StoreLocation.defaultDirectory("app", Map.of("XDG_CONFIG_HOME", " "), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/app/credentials"));
    }

    @Test
    void windows_usesAppData_notXdg() {
        // Absolute on this (Unix) test machine, as %APPDATA% is on Windows.
        assertThat(StoreLocation.defaultDirectory("app", Map.of("APPDATA", "/roaming", "XDG_CONFIG_HOME", "/xdg"),
                "Windows 11", "/home/u")).isEqualTo(Path.of("/roaming/app/credentials"));
    }

    @Test
    void windows_withoutAppData_fallsBackToRoamingInHome() {
        assertThat(StoreLocation.defaultDirectory("app", Map.of(), "Windows 10", "/home/u"))
                .isEqualTo(Path.of("/home/u/AppData/Roaming/app/credentials"));
    }
}
