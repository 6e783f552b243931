package org.qchat.client.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Which {@code .part} file holds an unfinished download of which file, kept in the cache so a
 * download resumes after a restart in the file it began, not in another file that happens to
 * share its name. Keyed by fileId. Worker thread only.
 */
final class PartialDownloads {

    private final Path index;
    private Properties entries;

    PartialDownloads(Path index) {
        this.index = index;
    }

    Optional<Path> find(String fileId) throws IOException {
        String part = load().getProperty(fileId);
        return part == null ? Optional.empty() : Optional.of(Path.of(part));
    }

    void remember(String fileId, Path part) throws IOException {
        load().setProperty(fileId, part.toAbsolutePath().toString());
        save();
    }

    void forget(String fileId) throws IOException {
        if (load().remove(fileId) != null) {
            save();
        }
    }

    private Properties load() throws IOException {
        if (entries == null) {
            entries = new Properties();
            if (Files.exists(index)) {
                try (InputStream in = Files.newInputStream(index)) {
                    entries.load(in);
                } catch (IllegalArgumentException damaged) {
                    entries.clear(); // a damaged index only costs the resumption of a download
                }
            }
        }
        return entries;
    }

    private void save() throws IOException {
        Files.createDirectories(index.getParent());
        Path temp = Files.createTempFile(index.getParent(), "partial-downloads", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                entries.store(out, "unfinished downloads: fileId = part file");
            }
            SafeNames.move(temp, index);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
