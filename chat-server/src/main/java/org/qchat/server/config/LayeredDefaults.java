package org.qchat.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for options not given on the command line: first the environment
 * ({@code --idle-timeout} → {@code QCHAT_IDLE_TIMEOUT}), then the config file (a properties file,
 * key {@code idle-timeout}), then the option's own default. So flags beat environment, which
 * beats the file.
 */
final class LayeredDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;
    private final Properties file;

    LayeredDefaults(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    static LayeredDefaults load(Map<String, String> env, Path configFile) throws IOException {
        Properties props = new Properties();
        if (configFile != null) {
            try (Reader in = Files.newBufferedReader(configFile)) {
                props.load(in);
            }
        }
        return new LayeredDefaults(env, props);
    }

    static String envName(String key) {
        return "QCHAT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return fromEnv;
        }
        String fromFile = file.getProperty(key);
        if (fromFile != null) {
            return fromFile.trim();
        }
        return option.defaultValue();
    }
}
