package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workstation settings survive a restart and are never left half-written. */
class PreferencesStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedSettingIsThereAfterARestart() {
        Path file = dir.resolve("settings.properties");
        new PreferencesStore(file).put("theme", "light");
        new PreferencesStore(file).put("lang", "zh");
        PreferencesStore reopened = new PreferencesStore(file);
        assertThat(reopened.get("theme")).contains("light");
        assertThat(reopened.get("lang")).contains("zh");
        assertThat(reopened.get("missing")).isEmpty();
        assertThat(Files.exists(dir.resolve("settings.properties.tmp"))).isFalse();
    }

    @Test
    void chineseValuesRoundTrip() {
        Path file = dir.resolve("settings.properties");
        new PreferencesStore(file).put("operator", "张三");
        assertThat(new PreferencesStore(file).get("operator")).contains("张三");
    }
}
