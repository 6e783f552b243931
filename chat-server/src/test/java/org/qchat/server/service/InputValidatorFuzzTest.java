package org.qchat.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.server.config.Limits;
import org.qchat.protocol.testing.Fuzz;

/**
 * Property-based fuzzing of request validation: random limits, random strings mixing ASCII, control
 * characters, odd white space, CJK, emoji and lone surrogates, with lengths drawn around each limit.
 * Every check either accepts or throws {@link ChatException} with {@code BAD_REQUEST} or (message
 * text over its limit) {@code TOO_LARGE} — never anything else — and accepts exactly what the
 * documented rule allows, with lengths counted in code points (request-like ids in UTF-16 units,
 * as docs/protocol.md says). Each property runs 10,000 tries through {@link Fuzz}, which prints a
 * {@code [fuzz] ...} line with the count and the seed (a failure names the seed to rerun it with).
 */
class InputValidatorFuzzTest {

    private static final int TRIES = 10_000;
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    @AfterAll
    static void printOutcomes() {
        System.out.printf("[fuzz] InputValidatorFuzzTest outcomes: %s%n", OUTCOMES);
    }

    private static synchronized void collect(String property, ErrorCode refused) {
        OUTCOMES.merge(property + "." + (refused == null ? "accepted" : refused.name()), 1, Integer::sum);
    }

    /** One validation rule: the check, and the oracle saying whether a value must pass it. */
    private record Rule(String field, Check check, Predicate<String> allowed) {
    }

    @FunctionalInterface
    private interface Check {
        void run(String value) throws ChatException;
    }

    @Test
    void freeTextIsAcceptedExactlyWhenItsLengthInCodePointsIsWithinItsLimit() {
        Fuzz.run("InputValidatorFuzzTest.freeText", TRIES, seeded -> freeText(new Random(seeded.nextLong())));
    }

    private void freeText(Random random) {
        Limits limits = randomLimits(random);
        InputValidator validate = new InputValidator(limits);
        List<Rule> rules = List.of(
                new Rule("nickname", validate::nickname, s -> within(s, 1, limits.maxNickname()) && !s.isBlank()),
                new Rule("signature", validate::signature, s -> within(s, 0, limits.maxSignature())),
                new Rule("note", validate::note, s -> within(s, 0, limits.maxNote())),
                new Rule("groupName", validate::groupName, s -> within(s, 1, limits.maxGroupName()) && !s.isBlank()),
                new Rule("text", validate::text, s -> within(s, 1, limits.maxText())),
                new Rule("password", validate::password, s -> within(s, limits.minPassword(), limits.maxPassword())),
                new Rule("query", validate::query, s -> within(s, 1, 32) && !s.isBlank()));
        Rule rule = rules.get(random.nextInt(rules.size()));
        String value = text(random, lengthNear(random, limitOf(rule.field(), limits)));

        ErrorCode refused = outcome(rule, value);

        collect("freeText", refused);
        if (refused == ErrorCode.TOO_LARGE) {
            assertThat(rule.field()).as("only an over-long message text is TOO_LARGE").isEqualTo("text");
            assertThat(value.codePointCount(0, value.length())).isGreaterThan(limits.maxText());
        }
    }

    @Test
    void identifiersAreAcceptedExactlyWhenTheyMatchTheirDocumentedPattern() {
        Fuzz.run("InputValidatorFuzzTest.identifiers", TRIES, seeded -> identifiers(new Random(seeded.nextLong())));
    }

    private void identifiers(Random random) {
        Limits limits = randomLimits(random);
        InputValidator validate = new InputValidator(limits);
        List<Rule> rules = List.of(
                new Rule("username", validate::username, s -> within(s, limits.minUsername(), limits.maxUsername())
                        && !s.isEmpty() && s.chars().allMatch(c -> ascii(c) || c == '_' || c == '.' || c == '-')),
                new Rule("device", validate::device, s -> s == null || !s.isEmpty() && s.length() <= 64
                        && s.chars().allMatch(c -> ascii(c) || c == '.' || c == '_' || c == ':' || c == '-')),
                new Rule("clientMsgId", validate::clientMsgId, s -> !s.isEmpty() && s.length() <= 64));
        Rule rule = rules.get(random.nextInt(rules.size()));
        int limit = rule.field().equals("username") ? limits.maxUsername() : 64;
        String value = rule.field().equals("device") && random.nextInt(10) == 0 ? null
                : random.nextBoolean() ? identifierLike(random, lengthNear(random, limit))
                : text(random, lengthNear(random, limit));

        ErrorCode refused = outcome(rule, value);

        collect("identifiers", refused);
        assertThat(refused).isNotEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void pageAndSearchSizesAreTheDefaultWhenAbsentAndOtherwiseWithinTheirRange() {
        Fuzz.run("InputValidatorFuzzTest.sizes", TRIES, seeded -> sizes(new Random(seeded.nextLong())));
    }

    private void sizes(Random random) {
        Limits limits = randomLimits(random);
        InputValidator validate = new InputValidator(limits);
        boolean page = random.nextBoolean();
        int byDefault = page ? limits.defaultPage() : limits.defaultSearch();
        int max = page ? limits.maxPage() : limits.maxSearch();
        Integer requested = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Integer.MIN_VALUE + random.nextInt(3);
            case 2 -> Integer.MAX_VALUE - random.nextInt(3);
            default -> random.nextInt(max + 4) - 2;
        };
        try {
            int size = page ? validate.pageSize(requested) : validate.searchSize(requested);
            assertThat(size).isEqualTo(requested == null ? byDefault : requested);
            assertThat(size).isBetween(1, max);
        } catch (ChatException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(requested).isNotNull().matches(r -> r < 1 || r > max, "outside 1.." + max);
        }
    }

    /** Runs the check; the value must pass exactly when the oracle allows it. Returns the refusal code, or null. */
    private static ErrorCode outcome(Rule rule, String value) {
        boolean allowed = rule.allowed().test(value);
        try {
            rule.check().run(value);
        } catch (ChatException e) {
            assertThat(e.code()).as("%s refused %s", rule.field(), describe(value))
                    .isIn(ErrorCode.BAD_REQUEST, ErrorCode.TOO_LARGE);
            if (allowed) {
                fail("%s refused a value the rule allows (%s): %s", rule.field(), e.getMessage(), describe(value));
            }
            return e.code();
        }
        if (!allowed) {
            fail("%s accepted a value the rule refuses: %s", rule.field(), describe(value));
        }
        return null;
    }

    private static boolean within(String s, int min, int max) {
        int n = s.codePointCount(0, s.length());
        return n >= min && n <= max;
    }

    private static boolean ascii(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static int limitOf(String field, Limits limits) {
        return switch (field) {
            case "nickname" -> limits.maxNickname();
            case "signature" -> limits.maxSignature();
            case "note" -> limits.maxNote();
            case "groupName" -> limits.maxGroupName();
            case "text" -> limits.maxText();
            case "password" -> limits.maxPassword();
            default -> 32;
        };
    }

    /** Small limits, so that random lengths fall on both sides of each. */
    private static Limits randomLimits(Random random) {
        int minUsername = 1 + random.nextInt(5);
        int minPassword = 1 + random.nextInt(10);
        int maxPage = 1 + random.nextInt(300);
        int maxSearch = 1 + random.nextInt(60);
        return new Limits(minUsername, minUsername + random.nextInt(65 - minUsername),
                minPassword, minPassword + random.nextInt(40),
                1 + random.nextInt(40), random.nextInt(40), random.nextInt(40), 1 + random.nextInt(40),
                1 + random.nextInt(60), 500, 50,
                1 + random.nextInt(maxPage), maxPage, 1 + random.nextInt(maxSearch), maxSearch);
    }

    /** A length in code points: 0, 1, just under, at or just over {@code limit}, or anything up to twice it. */
    private static int lengthNear(Random random, int limit) {
        return switch (random.nextInt(7)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> Math.max(0, limit - 1);
            case 3 -> limit;
            case 4 -> limit + 1;
            default -> random.nextInt(2 * limit + 3);
        };
    }

    /** Mostly characters identifiers allow, sprinkled with ones they do not. */
    private static String identifierLike(Random random, int length) {
        String allowed = "abcXYZ019_.-:";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(random.nextInt(12) == 0 ? codePoint(random) : allowed.charAt(random.nextInt(allowed.length())));
        }
        return s.toString();
    }

    private static String text(Random random, int codePoints) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            s.appendCodePoint(codePoint(random));
        }
        return s.toString();
    }

    /** ASCII, controls, odd spaces (U+3000, U+00A0, ...), CJK, emoji, lone surrogates, anything. */
    private static int codePoint(Random random) {
        int r = random.nextInt(18);
        if (r < 6) {
            return 0x20 + random.nextInt(0x5F);
        } else if (r < 8) {
            return new int[] {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85}[random.nextInt(7)];
        } else if (r < 10) {
            return new int[] {0x20, 0xA0, 0x2002, 0x200B, 0x2028, 0x3000, 0xFEFF}[random.nextInt(7)];
        } else if (r < 13) {
            return 0x4E00 + random.nextInt(0x5200);
        } else if (r < 16) {
            return 0x1F300 + random.nextInt(0x800);
        } else if (r < 17) {
            return 0xD800 + random.nextInt(0x800);
        }
        return random.nextInt(Character.MAX_CODE_POINT + 1);
    }

    private static String describe(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        value.codePoints().limit(80).forEach(cp -> s.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp)
                : String.format("\\u{%x}", cp)));
        return s.append("\" (").append(value.codePointCount(0, value.length())).append(" code points, ")
                .append(value.length()).append(" UTF-16 units)").toString();
    }
}
