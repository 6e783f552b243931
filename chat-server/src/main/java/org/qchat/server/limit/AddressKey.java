package org.qchat.server.limit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key per-address limits count under. An IPv4 address counts as itself. An IPv6 address
 * counts as its /64 network: one subscriber usually gets a whole /64 and can pick any address in
 * it, so counting single IPv6 addresses would let one client reset its limits at will.
 */
public final class AddressKey {

    private AddressKey() {
    }

    /** The key for {@code host}, an IP literal as the transport reports it; anything else is kept as it is. */
    public static String of(String host) {
        if (host == null || host.isEmpty()) {
            return "?";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            // In brackets the text must be an IPv6 literal: it is parsed, never looked up in DNS.
            String literal = host.startsWith("[") ? host : "[" + host + "]";
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet4Address) {
                return address.getHostAddress();
            }
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return network.append(":/64").toString();
            }
        } catch (UnknownHostException | SecurityException e) {
            // not an IP literal: count it as the text it is
        }
        return host;
    }
}
