package org.qchat.client.ui.emoji;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.qchat.client.ui.media.Scaling;

/**
 * The colour emoji the client ships (64 px PNGs from Noto Color Emoji, made by
 * scripts/emoji-images.py), so emoji look the same on every desktop. An emoji is looked up by its
 * code points without U+FE0F, as the files are named: {@code 1f468-200d-1f469-200d-1f467.png}.
 * Images are read on first use and kept, with their scaled copies; safe on any thread.
 */
public final class EmojiImages {

    static final String FOLDER = "/org/qchat/client/emoji/";

    private static final Set<String> KEYS = readIndex();
    private static final Map<String, BufferedImage> SOURCES = new ConcurrentHashMap<>();
    private static final Map<String, BufferedImage> SCALED = new ConcurrentHashMap<>();

    private EmojiImages() {
    }

    /** The lookup key: code points in hex joined by '-', without U+FE0F. */
    public static String key(String emoji) {
        return emoji.codePoints().filter(cp -> cp != 0xFE0F)
                .mapToObj(Integer::toHexString).collect(Collectors.joining("-"));
    }

    /** Whether an image of this emoji (one grapheme) ships with the client. */
    public static boolean has(String emoji) {
        return imageKey(emoji) != null;
    }

    /**
     * The key of the image that shows this emoji, or null: its own, else (the images have no
     * skin tones) that of the same emoji without its skin tone — 👍🏽 shows as 👍 rather than as
     * the font's two glyphs.
     */
    private static String imageKey(String emoji) {
        String key = key(emoji);
        if (KEYS.contains(key)) {
            return key;
        }
        String untoned = key(emoji.codePoints().filter(cp -> cp < 0x1F3FB || cp > 0x1F3FF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        return !untoned.isEmpty() && KEYS.contains(untoned) ? untoned : null;
    }

    /** Whether the text holds an emoji the client has an image of. */
    public static boolean anyIn(String text) {
        if (text == null) {
            return false;
        }
        for (EmojiSegmenter.Segment s : EmojiSegmenter.segments(text)) {
            if (s.emoji() && has(s.of(text))) {
                return true;
            }
        }
        return false;
    }

    /** Every emoji with an image, as text, in the order of the index (the picker's first). */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (String key : KEYS) {
            StringBuilder text = new StringBuilder();
            for (String hex : key.split("-")) {
                text.appendCodePoint(Integer.parseInt(hex, 16));
            }
            out.add(text.toString());
        }
        return out;
    }

    /** The image at its shipped size, or null if this emoji has none. */
    public static BufferedImage source(String emoji) {
        String key = imageKey(emoji);
        return key == null ? null : SOURCES.computeIfAbsent(key, EmojiImages::read);
    }

    /** The image at {@code pixels} × {@code pixels} device pixels, scaled smoothly; null if none. */
    public static BufferedImage scaled(String emoji, int pixels) {
        BufferedImage source = source(emoji);
        if (source == null) {
            return null;
        }
        int side = Math.max(1, pixels);
        return SCALED.computeIfAbsent(imageKey(emoji) + "@" + side, k -> Scaling.to(source, side, side));
    }

    private static BufferedImage read(String key) {
        try (InputStream in = EmojiImages.class.getResourceAsStream(FOLDER + key + ".png")) {
            if (in == null) {
                throw new IllegalStateException("emoji image missing: " + key);
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> readIndex() {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : lines("index.txt")) {
            keys.add(line);
        }
        return Collections.unmodifiableSet(keys);
    }

    /** The lines of a text resource in the folder, without comments and blank lines. */
    static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        InputStream in = EmojiImages.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            return out;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
