package org.qchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SystemIdTest {

    @Test
    void eachSystemIsNamedAsTheOptionSpellsIt() {
        for (Suite.SystemId id : Suite.SystemId.values()) {
            assertThat(Suite.SystemId.of(id.toString())).isSameAs(id);
        }
        assertThat(Suite.SystemId.of("mosquitto-qos0")).isSameAs(Suite.SystemId.MOSQUITTO_QOS0);
    }

    @Test
    void anUnknownSystemIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> Suite.SystemId.of("mosquitto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qchat, mosquitto-qos1 or mosquitto-qos0");
    }

    @Test
    void theSuiteCommandTakesAListOfSystems() {
        BenchMain.SuiteCommand command = new BenchMain.SuiteCommand();
        new CommandLine(command).parseArgs("--systems", "mosquitto-qos0,qchat", "--rates-1to1", "50000,100000");

        assertThat(command.systems).containsExactly(Suite.SystemId.MOSQUITTO_QOS0, Suite.SystemId.QCHAT);
        assertThat(command.rates1to1).containsExactly(50_000, 100_000);
    }

    @Test
    void byDefaultEverySystemIsDriven() {
        BenchMain.SuiteCommand command = new BenchMain.SuiteCommand();
        new CommandLine(command).parseArgs();

        assertThat(command.systems).isEqualTo(Suite.SystemId.ALL);
    }
}
