package org.qchat.protocol.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostnameMatcherTest {

    @Test
    void exactNamesMatchIgnoringCaseAndATrailingDot() {
        assertThat(HostnameMatcher.dnsNameMatches("chat.example.com", "chat.example.com")).isTrue();
        assertThat(HostnameMatcher.dnsNameMatches("Chat.Example.COM.", "chat.example.com")).isTrue();
        assertThat(HostnameMatcher.dnsNameMatches("chat.example.com", "mail.example.com")).isFalse();
    }

    @Test
    void aWildcardStandsForExactlyOneLeftmostLabel() {
        assertThat(HostnameMatcher.dnsNameMatches("chat.example.com", "*.example.com")).isTrue();
        assertThat(HostnameMatcher.dnsNameMatches("example.com", "*.example.com")).isFalse();
        assertThat(HostnameMatcher.dnsNameMatches("a.b.example.com", "*.example.com")).isFalse();
        assertThat(HostnameMatcher.dnsNameMatches(".example.com", "*.example.com")).isFalse();
    }

    @Test
    void aWildcardNeverCoversATopLevelDomainAlone() {
        assertThat(HostnameMatcher.dnsNameMatches("example.com", "*.com")).isFalse();
    }

    @Test
    void internationalNamesAreComparedInTheirAsciiForm() {
        assertThat(HostnameMatcher.dnsNameMatches("聊天.example.com", "xn--rss932g.example.com")).isTrue();
    }
}
