package org.qchat.client.ui.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files named by a {@code text/uri-list} (RFC 2483), which is how Linux file managers hand
 * over copied and dragged files: one URI per line, CRLF or LF, lines starting with # are comments.
 */
final class UriList {

    private UriList() {
    }

    /** The local files listed, in order; web addresses and malformed lines are left out. */
    static List<Path> files(String uriList) {
        List<Path> files = new ArrayList<>();
        for (String line : uriList.split("\r?\n|\r")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Path path = file(entry);
            if (path != null) {
                files.add(path);
            }
        }
        return files;
    }

    private static Path file(String entry) {
        try {
            URI uri = new URI(entry);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                return null;
            }
            // "file://localhost/x" names a local file too; Path.of refuses any authority.
            String host = uri.getHost();
            if (uri.getRawAuthority() != null) {
                if (host != null && !host.isEmpty() && !"localhost".equals(host.toLowerCase(Locale.ROOT))) {
                    return null;
                }
                uri = new URI("file", null, uri.getPath(), null);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
