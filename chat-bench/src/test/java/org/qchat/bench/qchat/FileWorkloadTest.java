package org.qchat.bench.qchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qchat.bench.workload.Profile;

class FileWorkloadTest {

    @Test
    void theServerTakesTheFilesOfTheProfileAndAQuotaForEveryUpload() {
        assertThat(Profile.full().fileSize()).isGreaterThan(100 << 20);
        assertThat(FileWorkload.serverOptions(Profile.full())).containsExactly("user-quota=1024GiB",
                "max-file-size=" + Profile.full().fileSize());
        // Within the default limit, the default stays.
        assertThat(FileWorkload.serverOptions(Profile.smoke())).containsExactly("user-quota=1024GiB");
    }
}
