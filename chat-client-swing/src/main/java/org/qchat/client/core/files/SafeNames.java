package org.qchat.client.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/**
 * File names from other people made safe to create here. The server cleans names already
 * (protocol 7.9), but a name is only as safe as the last check before it touches the disk, and the
 * server does not know our platform: Windows refuses {@code CON} or {@code a:b} that Linux accepts.
 */
public final class SafeNames {

    /** What an unusable name becomes. */
    public static final String FALLBACK = "file";
    /** Longest name we create, in UTF-8 bytes: room for " (12)" and ".part" within the usual 255. */
    static final int MAX_BYTES = 200;
    private static final int MAX_EXTENSION = 16;
    private static final int MAX_NUMBER = 10_000;
    private static final String WINDOWS_RESERVED_CHARS = "<>:\"|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "CONIN$", "CONOUT$");

    private SafeNames() {
    }

    /**
     * A name that is one file in a folder on any platform: only the part after the last {@code /} or
     * {@code \}; no control or invisible formatting characters (a right-to-left override would make
     * {@code "cod.exe"} read as {@code "exe.doc"}); Windows' reserved characters replaced by
     * {@code _}; no leading dots or spaces (no hidden files, no {@code ..}) and no trailing ones
     * (Windows drops them); device names such as {@code CON} or {@code com1.txt} prefixed with
     * {@code _}; at most {@value #MAX_BYTES} UTF-8 bytes, keeping the extension. Never empty.
     */
    public static String clean(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(last.length());
        last.codePoints().forEach(cp -> {
            if (WINDOWS_RESERVED_CHARS.indexOf(cp) >= 0) {
                out.append('_');
            } else if (!invisible(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = strip(out.toString());
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        if (isWindowsDevice(cleaned)) {
            cleaned = "_" + cleaned;
        }
        return shorten(cleaned);
    }

    /** {@code "a.pdf"}, {@code "a (1).pdf"}, {@code "a (2).pdf"}…; {@code n} 0 is the name itself. */
    public static String numbered(String name, int n) {
        if (n == 0) {
            return name;
        }
        int dot = extensionStart(name);
        return dot < 0 ? name + " (" + n + ")" : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }

    /**
     * Creates a new empty file {@code dir/name + suffix}, or the first free numbered variant, and
     * returns it. Creating is the reservation: no other download can pick the same name.
     *
     * @param name a {@link #clean}ed name
     */
    static Path createNew(Path dir, String name, String suffix) throws IOException {
        for (int n = 0; n < MAX_NUMBER; n++) {
            Path candidate = inside(dir, numbered(name, n) + suffix);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
        throw new IOException("no free name for " + name + suffix + " in " + dir);
    }

    /**
     * Moves {@code source} to {@code dir/name}, or to the first numbered variant that does not exist,
     * never replacing another file; returns where it went.
     */
    static Path moveInto(Path source, Path dir, String name) throws IOException {
        Path target = createNew(dir, name, "");
        try {
            move(source, target);
            return target;
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /** Renames within one folder, replacing {@code target} (our own reservation or a cached copy). */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code dir/fileName}, after checking it is directly in {@code dir}, not anywhere else. */
    static Path inside(Path dir, String fileName) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        Path candidate = folder.resolve(fileName).normalize();
        if (!folder.equals(candidate.getParent())) {
            throw new IOException("refusing to write " + fileName + " outside " + folder);
        }
        return candidate;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE; // a lone half of a pair
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start))
                || Character.isSpaceChar(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1))
                || Character.isSpaceChar(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Windows treats {@code CON}, {@code con.txt} and {@code CON .txt} alike: the part before the first dot counts. */
    private static boolean isWindowsDevice(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        return WINDOWS_DEVICES.contains(stem);
    }

    private static String shorten(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        int dot = extensionStart(name);
        String extension = dot >= 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String stem = extension.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        String shortened = strip(kept.toString()) + extension;
        return shortened.isEmpty() || shortened.equals(extension) ? FALLBACK + extension : shortened;
    }

    /** Where the extension's dot is, or -1: a dot at the start is no extension. */
    private static int extensionStart(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? dot : -1;
    }
}
