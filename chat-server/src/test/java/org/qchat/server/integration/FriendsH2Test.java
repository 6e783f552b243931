package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link FriendsContract} on embedded H2. */
class FriendsH2Test extends FriendsContract {

    FriendsH2Test() {
        super(Backend.H2);
    }
}
