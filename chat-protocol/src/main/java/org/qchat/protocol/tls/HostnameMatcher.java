package org.qchat.protocol.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Does a server certificate name the host the client meant to reach? Checks the subject
 * alternative names (RFC 6125): DNS names, with a wildcard allowed only as the whole leftmost
 * label ({@code *.example.com} matches {@code chat.example.com}, not {@code example.com} or
 * {@code a.b.example.com}), and IP addresses for IP literals. The subject CN is not consulted,
 * as browsers have not for years.
 */
public final class HostnameMatcher {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    public static boolean matches(X509Certificate certificate, String host) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names == null || host == null || host.isEmpty()) {
            return false;
        }
        String stripped = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipLiteral = isIpLiteral(stripped);
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            String value = String.valueOf(entry.get(1));
            if (ipLiteral && type == SAN_IP && sameAddress(stripped, value)) {
                return true;
            }
            if (!ipLiteral && type == SAN_DNS && dnsNameMatches(stripped, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether DNS name {@code host} matches SAN entry {@code pattern} (which may start with "*."). */
    static boolean dnsNameMatches(String hostName, String patternName) {
        String host;
        String pattern;
        try {
            host = normalize(hostName);
            pattern = normalize(patternName);
        } catch (IllegalArgumentException e) {
            return false; // not a valid DNS name (empty label, bad characters)
        }
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        String suffix = pattern.substring(1);
        int firstDot = host.indexOf('.');
        // The wildcard stands for exactly one non-empty label, and never for a public suffix alone.
        return firstDot > 0 && host.substring(firstDot).equals(suffix) && suffix.indexOf('.', 1) > 0;
    }

    private static String normalize(String name) {
        String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals, so no lookup happens; this normalises IPv6 spellings.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
