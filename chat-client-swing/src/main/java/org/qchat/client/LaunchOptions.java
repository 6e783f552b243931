package org.qchat.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.qchat.client.i18n.Language;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TlsSettings;

/**
 * Command-line flags (system properties give the same defaults, for scripts):
 *
 * <pre>
 *   --server host:port[,host:port...]
 *                        -Dqchat.server=   server to offer in the login window; several addresses
 *                                          are the nodes of one cluster, tried in turn
 *   --lang en|zh         -Dqchat.lang=     language for this run (and saved)
 *   --theme light|dark   -Dqchat.theme=    theme for this run (and saved)
 *   --profile NAME       -Dqchat.profile=  separate preferences, e.g. for a second client
 *   --user NAME          -Dqchat.user=     username to fill in
 *   --tls                -Dqchat.tls=true  encrypt the link, trusting the system's CA store
 *   --tls-cert FILE      -Dqchat.tls.cert= encrypt the link, trusting only this certificate (PEM or DER)
 * </pre>
 */
public record LaunchOptions(ServerList servers, Language language, String theme, String profile, String username,
                            TlsSettings tls, boolean help, List<String> errors) {

    public static final String USAGE = """
            Usage: java -jar qchat-client.jar [options]
              --server host:port   server to connect to (default: last used, else localhost:9321);
                                   a comma-separated list (a:9321,b:9321) names the nodes of a
                                   cluster: the client fails over between them
              --lang en|zh         user interface language (default: the system's, or the saved choice)
              --theme light|dark   look (default: the saved choice, else light)
              --profile NAME       keep a separate set of preferences, e.g. to run a second client
              --user NAME          username to fill in
              --tls                encrypt the link (TLS), trusting the system's certificate authorities
              --tls-cert FILE      encrypt the link, trusting only the certificate in FILE (PEM or DER)
              --help               show this text
            System properties qchat.server, qchat.lang, qchat.theme, qchat.profile, qchat.user,
            qchat.tls (true) and qchat.tls.cert do the same.""";

    public static LaunchOptions parse(String[] args) {
        ServerList servers = null;
        Language language = null;
        String theme = null;
        String profile = System.getProperty("qchat.profile");
        String username = System.getProperty("qchat.user");
        boolean help = false;
        boolean tls = Boolean.getBoolean("qchat.tls");
        String tlsCert = System.getProperty("qchat.tls.cert");
        List<String> errors = new ArrayList<>();
        String serverText = System.getProperty("qchat.server");
        String langText = System.getProperty("qchat.lang");
        String themeText = System.getProperty("qchat.theme");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--tls") && value == null) {
                tls = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    errors.add(arg + " needs a value");
                    continue;
                }
                value = args[++i];
            }
            switch (arg) {
                case "--server" -> serverText = value;
                case "--lang" -> langText = value;
                case "--theme" -> themeText = value;
                case "--profile" -> profile = value;
                case "--user" -> username = value;
                case "--tls-cert" -> tlsCert = value;
                default -> errors.add("unknown option " + arg);
            }
        }
        if (serverText != null) {
            try {
                servers = ServerList.parse(serverText);
            } catch (IllegalArgumentException e) {
                errors.add("--server: " + e.getMessage());
            }
        }
        if (langText != null) {
            language = Language.parse(langText);
        }
        if (themeText != null) {
            if (themeText.equalsIgnoreCase("dark") || themeText.equalsIgnoreCase("light")) {
                theme = themeText.toLowerCase(java.util.Locale.ROOT);
            } else {
                errors.add("--theme must be light or dark");
            }
        }
        TlsSettings tlsSettings = TlsSettings.OFF;
        if (tlsCert != null) {
            Path certificate = Path.of(tlsCert);
            if (Files.isReadable(certificate)) {
                tlsSettings = new TlsSettings(true, certificate);
            } else {
                errors.add("--tls-cert: cannot read " + tlsCert);
            }
        } else if (tls) {
            tlsSettings = new TlsSettings(true, null);
        }
        return new LaunchOptions(servers, language, theme, profile, username, tlsSettings, help, List.copyOf(errors));
    }
}
