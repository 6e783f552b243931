package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link FriendsContract} on the embedded store. */
class FriendsEmbeddedTest extends FriendsContract {

    FriendsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
