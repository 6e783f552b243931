package org.qchat.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random packets, from one seed: JSON objects shaped like a packet type (its field names, values of
 * the right JSON type more often than not, nested objects for nested records, extra unknown fields,
 * lone surrogate escapes, out-of-range numbers), and Java argument lists for the records' canonical
 * constructors. Everything is derived from one seed (drawn from the try's random), so a failure reruns exactly.
 */
final class RandomPackets {

    private static final List<Class<? extends Packet>> TYPES = PacketRegistry.all();
    private static final int MAX_DEPTH = 3;

    private final Random random;

    RandomPackets(long seed) {
        this.random = new Random(seed);
    }

    // ------------------------------------------------------------------ JSON

    /** A JSON object text, valid JSON without duplicate keys, usually of a known packet type. */
    String jsonObject() {
        Map<String, String> fields = new LinkedHashMap<>();
        Class<? extends Packet> type = pick(TYPES);
        String typeName = random.nextInt(10) < 9 ? PacketRegistry.typeOf(type) : text(0, 12);
        boolean typeFirst = random.nextInt(4) > 0;
        if (typeFirst && random.nextInt(30) > 0) {
            fields.put("type", random.nextInt(30) > 0 ? string(typeName) : anyValue(1));
        }
        fields.putAll(fieldsOf(type, 0));
        for (int i = random.nextInt(3); i > 0; i--) {
            fields.putIfAbsent(text(0, 10), anyValue(1));
        }
        if (!typeFirst && random.nextInt(30) > 0) {
            fields.put("type", string(typeName));
        }
        return object(fields);
    }

    private Map<String, String> fieldsOf(Class<?> record, int depth) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (random.nextInt(100) < 88) {
                fields.put(component.getName(), random.nextInt(10) < 8
                        ? typedValue(component.getGenericType(), depth + 1)
                        : anyValue(depth + 1));
            }
        }
        return fields;
    }

    /** A JSON value that usually fits {@code type}, sometimes deliberately not. */
    private String typedValue(Type type, int depth) {
        if (random.nextInt(25) == 0) {
            return "null";
        }
        if (type instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            if (random.nextInt(15) == 0 || depth > MAX_DEPTH) {
                return anyValue(depth);
            }
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(random.nextInt(20) == 0 ? "null" : typedValue(element, depth + 1));
            }
            return "[" + String.join(",", items) + "]";
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return random.nextInt(20) == 0 ? anyValue(depth) : string(text(0, 20));
        }
        if (raw == long.class || raw == Long.class) {
            return number(Long.MIN_VALUE, Long.MAX_VALUE, "9223372036854775808");
        }
        if (raw == int.class || raw == Integer.class) {
            return number(Integer.MIN_VALUE, Integer.MAX_VALUE, "2147483648");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return pick(List.of("true", "false", "true", "false", "\"true\"", "1", "0"));
        }
        if (raw.isEnum()) {
            Object constant = pick(List.of(raw.getEnumConstants()));
            String name = ((Enum<?>) constant).name();
            String wire = raw == ErrorCode.class ? name : name.toLowerCase(Locale.ROOT);
            return pick(List.of(string(wire), string(wire), string(wire), string(name.toUpperCase(Locale.ROOT)),
                    string(text(0, 8)), "0"));
        }
        if (raw.isRecord() && depth <= MAX_DEPTH) {
            return object(fieldsOf(raw, depth));
        }
        return anyValue(depth);
    }

    private String number(long min, long max, String tooLarge) {
        return switch (random.nextInt(12)) {
            case 0 -> "0";
            case 1 -> "-1";
            case 2 -> Long.toString(min);
            case 3 -> Long.toString(max);
            case 4 -> tooLarge;
            case 5 -> "1.5";
            case 6 -> "1e3";
            case 7 -> string("5");
            case 8 -> Long.toString(min + (long) (random.nextDouble() * ((double) max - min)));
            default -> Integer.toString(1 + random.nextInt(1000));
        };
    }

    /** Any JSON value: string, number, boolean, null, array or object. */
    private String anyValue(int depth) {
        int kinds = depth > MAX_DEPTH ? 5 : 7;
        return switch (random.nextInt(kinds)) {
            case 0 -> string(text(0, 16));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> pick(List.of("0.0", "-0", "1e-7", "123456789012345678901234567890", "3.14"));
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(anyValue(depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    fields.putIfAbsent(text(0, 6), anyValue(depth + 1));
                }
                yield object(fields);
            }
        };
    }

    private String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(string(key)).append(':').append(value);
        });
        return json.append('}').toString();
    }

    /**
     * A JSON string literal. Quotes, backslashes and control characters are escaped as JSON requires;
     * lone surrogates can only be written as escapes; other characters are raw UTF-8 or escaped at
     * random, as clients may do either.
     */
    private String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20 || (Character.isSurrogate(ch) && !pair) || (ch > 0x7E && random.nextInt(4) == 0)) {
                out.append(String.format("\\u%04x", (int) ch));
                if (pair) {
                    out.append(String.format("\\u%04x", (int) s.charAt(++i)));
                }
            } else {
                out.append(ch);
                if (pair) {
                    out.append(s.charAt(++i));
                }
            }
        }
        return out.append('"').toString();
    }

    /** Text of {@code min}..{@code max} code points from the mix of {@link FuzzInputs#codePoint}. */
    String text(int min, int max) {
        return FuzzInputs.text(random, min + random.nextInt(max - min + 1));
    }

    // ------------------------------------------------------------------ Java values

    /** A random packet type. */
    Class<? extends Packet> packetType() {
        return pick(TYPES);
    }

    /**
     * Calls {@code record}'s canonical constructor with random arguments (valid Unicode strings,
     * nulls, non-positive numbers, nested records built the same way).
     *
     * @throws IllegalArgumentException what a constructor (this one or a nested one) threw
     */
    <T> T construct(Class<T> record, int depth) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = javaValue(components[i].getGenericType(), depth + 1);
        }
        try {
            Constructor<T> constructor = record.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object javaValue(Type type, int depth) {
        if (type instanceof ParameterizedType list) {
            if (random.nextInt(10) == 0) {
                return null;
            }
            List<Object> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                Object item = javaValue(list.getActualTypeArguments()[0], depth + 1);
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        }
        Class<?> raw = (Class<?>) type;
        boolean nullable = !raw.isPrimitive();
        if (nullable && random.nextInt(8) == 0) {
            return null;
        }
        if (raw == String.class) {
            return FuzzInputs.withoutLoneSurrogates(text(0, 20));
        }
        if (raw == long.class || raw == Long.class) {
            return pick(List.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) random.nextInt(1000),
                    random.nextLong()));
        }
        if (raw == int.class || raw == Integer.class) {
            return pick(List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt(1000), random.nextInt()));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        }
        if (raw.isEnum()) {
            return pick(List.of(raw.getEnumConstants()));
        }
        if (raw.isRecord()) {
            return depth > MAX_DEPTH ? null : construct(raw, depth);
        }
        throw new IllegalStateException("no generator for " + raw);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
