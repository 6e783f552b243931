package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link GroupsContract} on embedded H2. */
class GroupsH2Test extends GroupsContract {

    GroupsH2Test() {
        super(Backend.H2);
    }
}
