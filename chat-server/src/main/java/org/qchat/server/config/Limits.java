package org.qchat.server.config;

/**
 * Input limits. Lengths count Unicode code points. All are configurable; defaults are in
 * {@link #defaults()} and documented in docs/protocol.md.
 */
public record Limits(
        int minUsername, int maxUsername,
        int minPassword, int maxPassword,
        int maxNickname, int maxSignature, int maxNote, int maxGroupName,
        int maxText, int groupMemberCap, int maxInvite,
        int defaultPage, int maxPage, int defaultSearch, int maxSearch) {

    public Limits {
        if (minUsername < 1 || maxUsername < minUsername || maxUsername > 64) {
            throw new IllegalArgumentException("username limits must satisfy 1 <= min <= max <= 64");
        }
        if (minPassword < 1 || maxPassword < minPassword || maxPassword > 1024) {
            throw new IllegalArgumentException("password limits must satisfy 1 <= min <= max <= 1024");
        }
        positive(maxNickname, "max nickname");
        positive(maxGroupName, "max group name");
        positive(maxText, "max text");
        positive(groupMemberCap, "group member cap");
        positive(maxInvite, "max invite");
        positive(defaultPage, "default page");
        positive(maxPage, "max page");
        positive(defaultSearch, "default search");
        positive(maxSearch, "max search");
        if (defaultPage > maxPage || defaultSearch > maxSearch) {
            throw new IllegalArgumentException("default page and search sizes must not exceed their maximums");
        }
        if (maxSignature < 0 || maxNote < 0) {
            throw new IllegalArgumentException("max signature and max note must not be negative");
        }
    }

    public static Limits defaults() {
        return new Limits(3, 32, 8, 128, 32, 128, 128, 32, 4000, 500, 50, 50, 200, 20, 50);
    }

    public Limits withGroupMemberCap(int cap) {
        return new Limits(minUsername, maxUsername, minPassword, maxPassword, maxNickname, maxSignature, maxNote,
                maxGroupName, maxText, cap, maxInvite, defaultPage, maxPage, defaultSearch, maxSearch);
    }

    public Limits withMaxNickname(int max) {
        return new Limits(minUsername, maxUsername, minPassword, maxPassword, max, maxSignature, maxNote,
                maxGroupName, maxText, groupMemberCap, maxInvite, defaultPage, maxPage, defaultSearch, maxSearch);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }
}
