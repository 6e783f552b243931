package org.qchat.server.config;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.qchat.server.seed.Seeder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code seed}: fills a stopped server's storage with a synthetic population for benchmarks and
 * load tests ({@link Seeder}). Not for a server that holds real users: it only adds, but the
 * accounts it adds share one known password.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Adds synthetic users, friendships, groups and messages to a stopped server's storage "
                + "(benchmarks, load tests), and writes their ids and session tokens to a fixture file.")
final class SeedCommand implements Callable<Integer> {

    @ParentCommand
    ServerOptions server;

    @Option(names = "--users", required = true, description = "Users to create.")
    int users;

    @Option(names = "--pairs", description = "Make users 2k and 2k+1 friends.")
    boolean pairs;

    @Option(names = "--group-size", defaultValue = "0", description = "Put consecutive users in groups of this size (0: none).")
    int groupSize;

    @Option(names = "--username-prefix", defaultValue = "seed", description = "Usernames are this prefix and a 5-digit number.")
    String usernamePrefix;

    @Option(names = "--password", defaultValue = "seed-password-1", description = "Password of every created user.")
    String password;

    @Option(names = "--device", defaultValue = "seed", description = "Device name of every created session.")
    String device;

    @Option(names = "--messages", defaultValue = "0", description = "Messages to store (needs --pairs).")
    long messages;

    @Option(names = "--message-conversations", defaultValue = "1",
            description = "How many pair conversations share the messages, round-robin.")
    int messageConversations;

    @Option(names = "--text-size", defaultValue = "200", description = "Characters per message.")
    int textSize;

    @Option(names = "--fixture", required = true, description = "File to write user ids, tokens and conversation ids to.")
    Path fixture;

    @Override
    public Integer call() throws Exception {
        Seeder.Plan plan = new Seeder.Plan(users, pairs, groupSize, usernamePrefix, password, device, messages,
                messageConversations, textSize);
        long start = System.nanoTime();
        new Seeder().seed(server.toConfig(), plan, fixture);
        System.out.printf("seeded %d users and %d messages in %.1f s; fixture in %s%n", users, messages,
                (System.nanoTime() - start) / 1e9, fixture.toAbsolutePath());
        return 0;
    }
}
