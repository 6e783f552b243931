package org.qchat.bench.load;

/**
 * Who the simulated users are and how they relate: {@code users} users numbered from 0; with
 * {@code pairs}, users 2k and 2k+1 are friends; with {@code groupSize} > 0, users
 * [g·size, (g+1)·size) form group g. User 0 is the server admin (it may broadcast).
 */
public record Population(int users, boolean pairs, int groupSize) {

    public Population {
        if (users < 2) {
            throw new IllegalArgumentException("at least two users");
        }
        if (pairs && users % 2 != 0) {
            throw new IllegalArgumentException("pairs need an even number of users: " + users);
        }
        if (groupSize < 0 || groupSize == 1 || (groupSize > 0 && users % groupSize != 0)) {
            throw new IllegalArgumentException(users + " users cannot form groups of " + groupSize);
        }
    }

    public int partnerOf(int user) {
        return user ^ 1;
    }

    public int pairOf(int user) {
        return user / 2;
    }

    public int groupOf(int user) {
        return user / groupSize;
    }

    public int groupCount() {
        return groupSize == 0 ? 0 : users / groupSize;
    }

    public int pairCount() {
        return pairs ? users / 2 : 0;
    }
}
