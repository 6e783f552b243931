package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link AccountsContract} on embedded H2. */
class AccountsH2Test extends AccountsContract {

    AccountsH2Test() {
        super(Backend.H2);
    }
}
