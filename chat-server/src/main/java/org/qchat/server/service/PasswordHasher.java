package org.qchat.server.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (OWASP's baseline: 19 MiB, 2 passes, 1 lane). CPU-heavy by design:
 * call from a worker thread, never an I/O thread.
 */
public final class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    // Checked against when the username does not exist, so that answer takes as long as a wrong password.
    private static final String DECOY = Password.hash("qchat-decoy-password").addRandomSalt(16).with(ARGON2ID).getResult();

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String storedHash) {
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Spends the time of one check without a real hash. */
    public void burnDecoy(String password) {
        matches(password, DECOY);
    }
}
