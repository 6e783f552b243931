package org.qchat.server.config;

import java.util.Locale;

import picocli.CommandLine;

/** Reads a size option: plain bytes, or a number with KiB, MiB or GiB ({@code 100MiB}, {@code 2GiB}). */
final class ByteSize implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}}) {
            if (lower.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                v = v.substring(0, v.length() - 3).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(v);
            if (n < 1 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "expected a positive size in bytes or with KiB, MiB or GiB, like 100MiB, not '" + value + "'");
        }
    }
}
