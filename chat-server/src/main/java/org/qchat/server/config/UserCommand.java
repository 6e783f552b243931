package org.qchat.server.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.qchat.server.db.Database;
import org.qchat.server.route.LocalRouter;
import org.qchat.server.service.AdminService;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.DeviceCloser;
import org.qchat.server.service.DeviceNotices;
import org.qchat.server.service.InputValidator;
import org.qchat.server.service.PasswordHasher;
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.UserStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Account administration straight on the database: {@code user disable NAME}, {@code user enable
 * NAME}, {@code user reset-password NAME}. The embedded database can be opened by one process at
 * a time, so stop the server first (or use an admin account's admin.* requests on a live server);
 * on PostgreSQL it works live, and the user's open connections end at their next request.
 */
@Command(name = "user", description = "Disable, enable or reset the password of an account.",
        mixinStandardHelpOptions = true)
final class UserCommand implements Callable<Integer> {

    @ParentCommand
    ServerOptions server;

    @Parameters(index = "0", description = "disable | enable | reset-password")
    String action;

    @Parameters(index = "1", description = "username")
    String username;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = server.toConfig();
        Database db;
        try {
            db = Database.open(config);
        } catch (RuntimeException e) {
            System.err.println("cannot open the database (" + rootMessage(e) + ").");
            System.err.println("With the embedded database, stop the running server first, "
                    + "or use an admin account's admin.* requests.");
            return 1;
        }
        try (db) {
            PasswordHasher hasher = new PasswordHasher();
            InputValidator validate = new InputValidator(config.limits());
            // On PostgreSQL the running servers (every node of a cluster) close the user's devices when told.
            DeviceCloser.Elsewhere servers = db.tx(org.qchat.server.db.Jdbc::isPostgres) ? new DeviceNotices(db) : DeviceCloser.Elsewhere.NOWHERE;
            AdminService admin = new AdminService(db, new UserStore(), new SessionStore(), hasher, validate,
                    new DeviceCloser(new LocalRouter(null), servers));
            switch (action) {
                case "disable" -> admin.setDisabled(username, true);
                case "enable" -> admin.setDisabled(username, false);
                case "reset-password" -> admin.resetPassword(username, readPassword());
                default -> {
                    System.err.println("unknown action '" + action + "': use disable, enable or reset-password");
                    return 2;
                }
            }
            System.out.println(action + " " + username + ": done");
            return 0;
        } catch (ChatException e) {
            System.err.println(action + " " + username + ": " + e.getMessage());
            return 1;
        }
    }

    private static String readPassword() throws java.io.IOException {
        Console console = System.console();
        if (console != null) {
            char[] chars = console.readPassword("new password: ");
            return chars == null ? "" : new String(chars);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
