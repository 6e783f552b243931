package org.qchat.client.core;

/** How to start a session: a password, a new account, or a remembered token. */
public sealed interface Credentials {

    String username();

    /** What a failure of this login is reported as. */
    Action action();

    record Password(String username, String password) implements Credentials {
        @Override
        public Action action() {
            return Action.LOGIN;
        }

        @Override
        public String toString() {
            return "Password[" + username + "]";
        }
    }

    /** @param nickname null to let the server use the username */
    record Registration(String username, String password, String nickname) implements Credentials {
        @Override
        public Action action() {
            return Action.REGISTER;
        }

        @Override
        public String toString() {
            return "Registration[" + username + "]";
        }
    }

    record Token(String username, String token) implements Credentials {
        @Override
        public Action action() {
            return Action.RESUME;
        }

        @Override
        public String toString() {
            return "Token[" + username + "]";
        }
    }
}
