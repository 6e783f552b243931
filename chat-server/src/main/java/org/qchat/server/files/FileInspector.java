package org.qchat.server.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;

import org.qchat.server.media.MediaFacts;
import org.qchat.server.media.MediaInspector;
import org.qchat.server.store.blob.BlobReader;
import org.qchat.server.store.blob.BlobStore;

/**
 * Tells what a stored file is, from its bytes: its type, and for an image its size in pixels and a
 * thumbnail (base64 JPEG) for messages. Only files small enough to be sent as images are decoded.
 */
public final class FileInspector {

    /** A stored file's facts; the three image fields are null for anything else. */
    public record Facts(String mime, Integer width, Integer height, String thumb) {
    }

    private static final int HEAD_BYTES = 512;

    private final MediaInspector media;
    private final Function<String, Path> pathOf;

    /** @param pathOf where a stored file can be read on this machine, by its sha256 */
    public FileInspector(MediaInspector media, Function<String, Path> pathOf) {
        this.media = media;
        this.pathOf = pathOf;
    }

    public Facts inspect(BlobStore blobs, String sha256, boolean mayBeImage) throws IOException {
        if (mayBeImage) {
            MediaFacts facts = media.inspect(pathOf.apply(sha256));
            if (facts.image()) {
                return new Facts(facts.mime(), facts.width(), facts.height(),
                        Base64.getEncoder().encodeToString(facts.thumbJpeg()));
            }
            return new Facts(facts.mime(), null, null, null);
        }
        try (BlobReader reader = blobs.openReader(sha256)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, reader.size()));
            while (head.hasRemaining() && reader.read(head.position(), head) >= 0) {
                // reads until the head is full or the file ends
            }
            return new Facts(MediaInspector.sniffMime(head.array(), head.position()), null, null, null);
        }
    }
}
