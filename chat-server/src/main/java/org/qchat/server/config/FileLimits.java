package org.qchat.server.config;

import java.nio.file.Path;

/**
 * Files: where their bytes live and how much one file, one image and one user's files may take.
 *
 * @param dir            the file store's directory; null for {@code files} under the data dir (a
 *                       cluster's nodes must all name the same shared directory)
 * @param maxFileSize    bytes of one file
 * @param maxImageSize   bytes of a file sent as an image (larger ones are read as files)
 * @param maxImagePixels width × height of an image, read from its header before anything is decoded
 * @param userQuota      bytes of all the files one user holds
 */
public record FileLimits(Path dir, long maxFileSize, long maxImageSize, long maxImagePixels, long userQuota) {

    public static final long MIB = 1024L * 1024;

    public FileLimits {
        if (maxFileSize < 1 || maxImageSize < 1 || maxImagePixels < 1 || userQuota < 1) {
            throw new IllegalArgumentException("file limits must be positive");
        }
    }

    public static FileLimits defaults() {
        return new FileLimits(null, 100 * MIB, 20 * MIB, 50_000_000L, 2048 * MIB);
    }

    /** The file store's directory for a server whose data dir is {@code dataDir}. */
    public Path dirUnder(Path dataDir) {
        return dir != null ? dir : dataDir.resolve("files");
    }
}
