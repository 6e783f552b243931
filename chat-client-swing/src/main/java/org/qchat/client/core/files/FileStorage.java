package org.qchat.client.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where the client keeps files, and the thread that reads and writes them.
 *
 * <ul>
 *   <li>{@code cacheDir}: this profile's cache. Originals of images (for the viewer) under
 *       {@code images/}, named by their SHA-256, so a picture is fetched once whichever message
 *       shows it; pasted images are written there too before they upload, so an upload can resume
 *       from a file; and the index of unfinished downloads.</li>
 *   <li>{@code downloadsDir}: where downloaded files go, asked anew at each download (the user may
 *       change it).</li>
 *   <li>{@code worker}: runs the blocking work (hashing, reading chunks, writing downloads), never
 *       on the dispatcher thread. {@link FileTransfers} runs its tasks one at a time in order,
 *       whatever this executor's thread count.</li>
 * </ul>
 */
public record FileStorage(Path cacheDir, Supplier<Path> downloadsDir, Executor worker) {

    /**
     * These folders, with a worker of their own: one daemon thread, {@code qchat-client-files},
     * started when there is file work and gone after a minute without any.
     */
    public static FileStorage of(Path cacheDir, Supplier<Path> downloadsDir) {
        ThreadPoolExecutor worker = new ThreadPoolExecutor(0, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "qchat-client-files");
                    t.setDaemon(true);
                    return t;
                });
        return new FileStorage(cacheDir, downloadsDir, worker);
    }

    /**
     * A fresh folder under the system's temporary directory for both cache and downloads, for tools
     * and tests that send no files. Nothing is created until a file is transferred.
     */
    public static FileStorage temporary() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "qchat-" + java.util.UUID.randomUUID());
        return of(root.resolve("cache"), () -> root.resolve("downloads"));
    }

    Path imagesDir() {
        return cacheDir.resolve("images");
    }

    /**
     * Where the original of an image is cached: named by its hash, with an extension a viewer
     * understands (from its type, else from its name).
     */
    Path imageFile(String fileId, String mime, String name) throws IOException {
        return SafeNames.inside(images(), fileId + imageExtension(mime, name));
    }

    private static String imageExtension(String mime, String name) {
        String known = mime == null ? null : switch (mime) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/bmp" -> ".bmp";
            case "image/webp" -> ".webp";
            default -> null;
        };
        if (known != null) {
            return known;
        }
        String clean = SafeNames.clean(name);
        int dot = clean.lastIndexOf('.');
        String extension = dot > 0 ? clean.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
        return extension.length() <= 8 ? extension : "";
    }

    Path partialIndex() {
        return cacheDir.resolve("partial-downloads.properties");
    }

    /** The downloads folder, created if missing. Call on the worker. */
    Path downloads() throws IOException {
        Path dir = downloadsDir.get().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        return dir;
    }

    /** The image cache folder, created if missing. Call on the worker. */
    Path images() throws IOException {
        return Files.createDirectories(imagesDir().toAbsolutePath().normalize());
    }
}
