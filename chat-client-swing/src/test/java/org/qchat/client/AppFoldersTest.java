package org.qchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppFoldersTest {

    @TempDir
    Path home;

    private AppFolders on(String os, Map<String, String> env) {
        return new AppFolders(os, home, env::get);
    }

    @Test
    void eachProfileHasACacheOfItsOwnWhereThePlatformKeepsCaches() {
        assertThat(on("Linux", Map.of()).cacheDir(null)).isEqualTo(home.resolve(".cache/qchat/default"));
        assertThat(on("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/me")).cacheDir("bob"))
                .isEqualTo(Path.of("/var/cache/me/qchat/profiles/bob"));
        assertThat(on("Mac OS X", Map.of()).cacheDir("")).isEqualTo(home.resolve("Library/Caches/qchat/default"));
        assertThat(on("Windows 11", Map.of("LOCALAPPDATA", home.resolve("Local").toString())).cacheDir("a"))
                .isEqualTo(home.resolve("Local/qchat/Cache/profiles/a"));
    }

    @Test
    void aProfileNameCannotLeadTheCacheElsewhere() {
        assertThat(on("Linux", Map.of()).cacheDir("../../etc")).isEqualTo(home.resolve(".cache/qchat/profiles/etc"));
    }

    @Test
    void downloadsGoToThePlatformsDownloadsFolderIfThereIsOne() throws IOException {
        assertThat(on("Linux", Map.of()).defaultDownloads()).isEqualTo(home.resolve("Downloads/qchat"));

        Files.createDirectories(home.resolve("Downloads"));
        assertThat(on("Linux", Map.of()).defaultDownloads()).isEqualTo(home.resolve("Downloads"));
        assertThat(on("Windows 10", Map.of()).defaultDownloads()).isEqualTo(home.resolve("Downloads"));
    }

    @Test
    void aLinuxDesktopsOwnDownloadsFolderIsRespected() throws IOException {
        Files.createDirectories(home.resolve(".config"));
        Files.createDirectories(home.resolve("下载"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/桌面"
                XDG_DOWNLOAD_DIR="$HOME/下载"
                """);

        assertThat(on("Linux", Map.of()).defaultDownloads()).isEqualTo(home.resolve("下载"));
    }
}
