package org.qchat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void ipv4AddressesCountAsThemselves() {
        assertThat(AddressKey.of("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void ipv6AddressesCountAsTheirSlash64InAnySpelling() {
        String key = AddressKey.of("2001:db8:0:1::5");
        assertThat(key).isEqualTo("2001:db8:0:1::/64");
        assertThat(AddressKey.of("2001:0db8:0000:0001:ffff:0:0:9")).isEqualTo(key);
        assertThat(AddressKey.of("[2001:db8:0:1::7]")).isEqualTo(key);
        assertThat(AddressKey.of("2001:db8:0:2::5")).isNotEqualTo(key);
    }

    @Test
    void ipv4MappedIpv6AddressesCountAsTheIpv4Address() {
        assertThat(AddressKey.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void anythingElseIsKeptAsItIsWithoutALookup() {
        assertThat(AddressKey.of("face:not-an-address")).isEqualTo("face:not-an-address");
        assertThat(AddressKey.of("?")).isEqualTo("?");
        assertThat(AddressKey.of(null)).isEqualTo("?");
    }
}
