package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link AccountsContract} on the embedded store. */
class AccountsEmbeddedTest extends AccountsContract {

    AccountsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
