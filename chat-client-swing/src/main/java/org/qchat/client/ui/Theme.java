package org.qchat.client.ui;

import java.awt.Color;

import javax.swing.UIManager;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/** FlatLaf light or dark, plus the few colours of our own (bubbles, presence, badges). */
public final class Theme {

    /** QQ-like blue for my bubbles and the accent. */
    private static final Color ACCENT = new Color(0x12, 0x8B, 0xED);

    private Theme() {
    }

    /** Installs the look and feel; call on the EDT. Repaints open windows when switching live. */
    public static void apply(String theme) {
        UIManager.put("defaultFont", null);
        if ("dark".equals(theme)) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        UIManager.put("Component.arc", 10);
        UIManager.put("Button.arc", 10);
        UIManager.put("TextComponent.arc", 10);
        UIManager.put("ScrollBar.width", 10);
        UIManager.put("ScrollBar.thumbArc", 999);
        UIManager.put("TabbedPane.showTabSeparators", true);
        UIManager.put("Component.accentColor", ACCENT);
        FlatLaf.updateUI();
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    public static Color accent() {
        return ACCENT;
    }

    /** My message bubbles. */
    public static Color myBubble() {
        return isDark() ? new Color(0x1F, 0x5F, 0x9E) : new Color(0x9E, 0xD2, 0xFF);
    }

    public static Color myBubbleText() {
        return isDark() ? new Color(0xF2, 0xF6, 0xFA) : new Color(0x10, 0x20, 0x30);
    }

    /** Other people's bubbles. */
    public static Color theirBubble() {
        return isDark() ? new Color(0x3C, 0x40, 0x45) : new Color(0xFF, 0xFF, 0xFF);
    }

    public static Color theirBubbleText() {
        return UIManager.getColor("Label.foreground");
    }

    /** Background behind the message list, a shade off the panels so bubbles stand out. */
    public static Color chatBackground() {
        return isDark() ? new Color(0x2B, 0x2D, 0x30) : new Color(0xF0, 0xF2, 0xF5);
    }

    public static Color noticeBackground() {
        return isDark() ? new Color(0x4A, 0x40, 0x22) : new Color(0xFF, 0xF4, 0xD6);
    }

    public static Color online() {
        return new Color(0x2E, 0xB8, 0x4F);
    }

    public static Color offline() {
        return isDark() ? new Color(0x70, 0x74, 0x78) : new Color(0xB0, 0xB4, 0xB8);
    }

    public static Color reconnecting() {
        return new Color(0xE8, 0x9A, 0x1A);
    }

    public static Color badge() {
        return new Color(0xF0, 0x3E, 0x3E);
    }

    public static Color error() {
        return isDark() ? new Color(0xFF, 0x80, 0x80) : new Color(0xC6, 0x28, 0x28);
    }

    public static Color secondaryText() {
        Color c = UIManager.getColor("Label.disabledForeground");
        return c != null ? c : Color.GRAY;
    }
}
