package org.qchat.client.i18n;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese texts put a space between a Chinese word and a name only when the name is written in
 * Latin letters or digits ("Alice 邀请 Bob 加入了群聊"); between Chinese characters there is none
 * ("你邀请张伟加入了群聊"). The Chinese bundle writes the space beside each placeholder, and this
 * drops it where the value put there meets a Chinese character across it.
 */
final class CjkSpacing {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private CjkSpacing() {
    }

    /** {@code pattern} without the spaces that would stand between Chinese characters once filled with {@code args}. */
    static String fit(String pattern, Object[] args) {
        BitSet drop = new BitSet();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            String value = index < args.length && args[index] != null ? args[index].toString() : "";
            if (value.isEmpty()) {
                continue;
            }
            int before = m.start() - 1;
            if (before >= 1 && pattern.charAt(before) == ' ' && isCjk(pattern.charAt(before - 1)) && isCjk(value.charAt(0))) {
                drop.set(before);
            }
            int after = m.end();
            if (after + 1 < pattern.length() && pattern.charAt(after) == ' ' && isCjk(pattern.charAt(after + 1))
                    && isCjk(value.charAt(value.length() - 1))) {
                drop.set(after);
            }
        }
        if (drop.isEmpty()) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            if (!drop.get(i)) {
                out.append(pattern.charAt(i));
            }
        }
        return out.toString();
    }

    /** Chinese characters and full-width punctuation. */
    static boolean isCjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || c >= '\u3000' && c <= '\u303f' || c >= '\uff00' && c <= '\uffef';
    }
}
