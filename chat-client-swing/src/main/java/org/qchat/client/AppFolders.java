package org.qchat.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.qchat.client.core.files.SafeNames;

/**
 * Where the client keeps files on this computer, by each platform's custom: the cache (originals
 * of images, unfinished downloads) under {@code ~/.cache} ({@code $XDG_CACHE_HOME}),
 * {@code ~/Library/Caches} or {@code %LOCALAPPDATA%}, one folder per profile; and downloads in the
 * user's Downloads folder ({@code XDG_DOWNLOAD_DIR} on Linux desktops), or {@code ~/Downloads/qchat}
 * when there is none.
 */
public final class AppFolders {

    private final String osName;
    private final Path home;
    private final UnaryOperator<String> env;

    public AppFolders(String osName, Path home, UnaryOperator<String> env) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
        this.env = env;
    }

    /** This computer's folders. */
    public static AppFolders system() {
        return new AppFolders(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System::getenv);
    }

    /** The cache of a profile; null or blank is the default profile. */
    public Path cacheDir(String profile) {
        Path base;
        if (osName.startsWith("windows")) {
            base = fromEnv("LOCALAPPDATA").orElse(home.resolve("AppData").resolve("Local"))
                    .resolve("qchat").resolve("Cache");
        } else if (osName.startsWith("mac")) {
            base = home.resolve("Library").resolve("Caches").resolve("qchat");
        } else {
            base = fromEnv("XDG_CACHE_HOME").orElse(home.resolve(".cache")).resolve("qchat");
        }
        return profile == null || profile.isBlank() ? base.resolve("default")
                : base.resolve("profiles").resolve(SafeNames.clean(profile.strip()));
    }

    /**
     * The messages a profile keeps on this computer (one database per account inside): with the
     * cache, because the server holds them all and can always send them again.
     */
    public Path historyDir(String profile) {
        return cacheDir(profile).resolve("history");
    }

    /** Where downloads go unless the user chose a folder: the platform's Downloads folder if it exists. */
    public Path defaultDownloads() {
        Path platform = osName.startsWith("windows") || osName.startsWith("mac") ? home.resolve("Downloads")
                : xdgDownloads().orElse(home.resolve("Downloads"));
        return Files.isDirectory(platform) ? platform : home.resolve("Downloads").resolve("qchat");
    }

    /** {@code XDG_DOWNLOAD_DIR="$HOME/Downloads"} from {@code ~/.config/user-dirs.dirs}, if set. */
    private Optional<Path> xdgDownloads() {
        Path config = fromEnv("XDG_CONFIG_HOME").orElse(home.resolve(".config")).resolve("user-dirs.dirs");
        List<String> lines;
        try {
            lines = Files.isRegularFile(config) ? Files.readAllLines(config) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("XDG_DOWNLOAD_DIR=")) {
                String value = trimmed.substring("XDG_DOWNLOAD_DIR=".length()).replace("\"", "");
                if (value.startsWith("$HOME")) {
                    String rest = value.substring("$HOME".length()).replaceFirst("^/+", "");
                    return Optional.of(rest.isEmpty() ? home : home.resolve(rest));
                }
                return value.startsWith("/") ? Optional.of(Path.of(value)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Path> fromEnv(String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
