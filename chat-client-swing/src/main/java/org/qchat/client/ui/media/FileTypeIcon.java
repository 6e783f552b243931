package org.qchat.client.ui.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.swing.Icon;

/**
 * A document with a folded corner in the colour of its kind (PDF red, Word blue, Excel green…)
 * and its extension in white letters: drawn, not loaded, so it is sharp at any size and needs
 * no image files.
 */
final class FileTypeIcon implements Icon {

    private static final Color OTHER = new Color(0x8C, 0x96, 0xA3);
    private static final Map<Color, Set<String>> KINDS = Map.of(
            new Color(0xE5, 0x48, 0x3D), Set.of("pdf"),
            new Color(0x2F, 0x7B, 0xE6), Set.of("doc", "docx", "rtf", "odt", "wps", "pages"),
            new Color(0x1E, 0x9E, 0x5A), Set.of("xls", "xlsx", "csv", "ods", "et", "numbers"),
            new Color(0xE8, 0x77, 0x2E), Set.of("ppt", "pptx", "odp", "key", "dps"),
            new Color(0xC9, 0x97, 0x1C), Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "zst"),
            new Color(0x8A, 0x5C, 0xD6), Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "heic", "svg", "tif",
                    "tiff", "ico"),
            new Color(0xD6, 0x51, 0x8A), Set.of("mp3", "wav", "flac", "aac", "ogg", "m4a", "amr", "wma"),
            new Color(0x1A, 0x9F, 0xB5), Set.of("mp4", "mov", "avi", "mkv", "webm", "flv", "wmv", "m4v"),
            new Color(0x5B, 0x6B, 0x80), Set.of("txt", "md", "log", "json", "xml", "html", "css", "js", "ts",
                    "java", "py", "c", "h", "cpp", "go", "rs", "sh", "sql", "yaml", "yml"),
            new Color(0x4F, 0x9D, 0x3A), Set.of("apk", "exe", "msi", "dmg", "deb", "rpm", "jar", "iso"));

    private final String label;
    private final Color color;
    private final int width;
    private final int height;

    /** The icon for a file called {@code name}, {@code height} units tall (and 5/6 as wide). */
    FileTypeIcon(String name, int height) {
        String extension = extension(name);
        this.label = extension.length() <= 4 ? extension.toUpperCase(Locale.ROOT) : "";
        this.color = colorOf(extension);
        this.height = height;
        this.width = Math.round(height * 5f / 6f);
    }

    /** "pdf" for "Report.PDF"; empty when there is none (".bashrc" and "README" have none). */
    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.chars().allMatch(Character::isLetterOrDigit) ? ext : "";
    }

    static Color colorOf(String extension) {
        for (Map.Entry<Color, Set<String>> kind : KINDS.entrySet()) {
            if (kind.getValue().contains(extension)) {
                return kind.getKey();
            }
        }
        return OTHER;
    }

    /** The letters on the icon, empty for none. */
    String label() {
        return label;
    }

    Color color() {
        return color;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.translate(x, y);
        float fold = width * 0.32f;
        float arc = Math.max(2, width * 0.1f);

        Path2D page = new Path2D.Float();
        page.moveTo(arc, 0);
        page.lineTo(width - fold, 0);
        page.lineTo(width, fold);
        page.lineTo(width, height - arc);
        page.quadTo(width, height, width - arc, height);
        page.lineTo(arc, height);
        page.quadTo(0, height, 0, height - arc);
        page.lineTo(0, arc);
        page.quadTo(0, 0, arc, 0);
        page.closePath();
        g2.setColor(color);
        g2.fill(page);

        Path2D corner = new Path2D.Float();
        corner.moveTo(width - fold, 0);
        corner.lineTo(width - fold, fold - arc);
        corner.quadTo(width - fold, fold, width - fold + arc, fold);
        corner.lineTo(width, fold);
        corner.closePath();
        g2.setColor(new Color(255, 255, 255, 110));
        g2.fill(corner);

        g2.setColor(Color.WHITE);
        if (label.isEmpty()) {
            paintLines(g2);
        } else {
            paintLabel(g2);
        }
        g2.dispose();
    }

    /** A document without a known extension shows lines of text. */
    private void paintLines(Graphics2D g2) {
        float stroke = Math.max(1.5f, height / 24f);
        g2.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int left = Math.round(width * 0.22f);
        int right = Math.round(width * 0.78f);
        for (int i = 0; i < 3; i++) {
            int lineY = Math.round(height * (0.5f + i * 0.14f));
            g2.drawLine(left, lineY, i == 2 ? (left + right) / 2 : right, lineY);
        }
    }

    private void paintLabel(Graphics2D g2) {
        // As large as fits in the page's width, so "PDF" and "DOCX" both read well.
        float size = height * 0.3f;
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size));
        FontMetrics fm = g2.getFontMetrics(font);
        float room = width * 0.82f;
        if (fm.stringWidth(label) > room) {
            font = font.deriveFont(size * room / fm.stringWidth(label));
            fm = g2.getFontMetrics(font);
        }
        g2.setFont(font);
        int textX = (width - fm.stringWidth(label)) / 2;
        int textY = Math.round(height * 0.72f) + (fm.getAscent() - fm.getDescent()) / 2;
        g2.drawString(label, textX, textY);
    }

    @Override
    public int getIconWidth() {
        return width;
    }

    @Override
    public int getIconHeight() {
        return height;
    }
}
