package org.qchat.client.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.qchat.protocol.model.FileInfo;

/**
 * Pictures the chat views show again and again, kept so that a message row costs no decoding
 * when it is built anew (a name became known, the theme changed, a tab was reopened): the
 * thumbnails that image messages carry, decoded once per file, and previews of my own pictures
 * ({@link LocalPicture}) until the server's thumbnail replaces them. Both are bounded, the least
 * recently used going first. Swing event thread only.
 */
final class PictureCache {

    private static final int THUMBNAILS = 300;
    private static final int LOCAL_PICTURES = 40;

    /** By fileId; an empty value remembers a thumbnail that cannot be decoded. */
    private final Map<String, Optional<BufferedImage>> thumbnails = leastRecentlyUsed(THUMBNAILS);
    /** By clientMsgId: the message that sends the picture. */
    private final Map<String, LocalPicture> local = leastRecentlyUsed(LOCAL_PICTURES);
    private final List<Consumer<String>> listeners = new ArrayList<>();

    /** The message's thumbnail, decoded; null if it has none or it is not a readable JPEG. */
    BufferedImage thumbnail(FileInfo file) {
        if (file == null || file.thumb() == null || file.thumb().isEmpty()) {
            return null;
        }
        if (file.fileId() == null) {
            return decode(file.thumb()).orElse(null);
        }
        return thumbnails.computeIfAbsent(file.fileId(), id -> decode(file.thumb())).orElse(null);
    }

    /** Keeps the preview and tells the listeners, whose row for that message was built without it. */
    void keepLocal(String clientMsgId, LocalPicture picture) {
        local.put(clientMsgId, picture);
        for (Consumer<String> listener : List.copyOf(listeners)) {
            listener.accept(clientMsgId);
        }
    }

    /** Told the clientMsgId of each message whose preview arrives; views stop listening when they go. */
    void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** The preview of the picture my message {@code clientMsgId} sends, if this run of the app made one. */
    LocalPicture local(String clientMsgId) {
        return clientMsgId == null ? null : local.get(clientMsgId);
    }

    /** Base64 of a JPEG of some kilobytes: quick enough for the event thread. */
    static Optional<BufferedImage> decode(String base64) {
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static <V> Map<String, V> leastRecentlyUsed(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
