package org.qchat.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.files.Reasons;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.protocol.model.Role;

class BundlesTest {

    private final ResourceBundle english = I18n.load(Locale.ENGLISH);
    private final ResourceBundle chinese = I18n.load(Locale.SIMPLIFIED_CHINESE);

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void englishAndChineseHaveTheSameKeys() {
        assertThat(new TreeSet<>(chinese.keySet())).isEqualTo(new TreeSet<>(english.keySet()));
    }

    @Test
    void theChineseBundleIsReallyChinese() {
        assertThat(chinese.getString("login.submit.login")).isEqualTo("登录");
        assertThat(english.getString("login.submit.login")).isEqualTo("Log in");
    }

    @Test
    void askingForEnglishGivesEnglishEvenOnAChineseSystem() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            I18n.use(Language.ENGLISH);
            assertThat(I18n.tr("status.online")).isEqualTo("Online");
            I18n.use(Language.SYSTEM);
            assertThat(I18n.tr("status.online")).isEqualTo("在线");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void argumentsAreFilledInAndAMissingKeyShowsItself() {
        I18n.use(Locale.ENGLISH);
        assertThat(I18n.tr("requests.title", 3)).isEqualTo("Friend requests (3)");
        assertThat(I18n.tr("no.such.key")).isEqualTo("[no.such.key]");
        I18n.use(Locale.SIMPLIFIED_CHINESE);
        assertThat(I18n.tr("requests.title", 3)).isEqualTo("好友请求（3）");
    }

    @Test
    void everyTextKeyTheSourcesUseExistsInBothLanguages() throws IOException {
        Set<String> used = keysUsedInSources();
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(key -> {
            assertThat(english.containsKey(key)).as("English has %s", key).isTrue();
            assertThat(chinese.containsKey(key)).as("Chinese has %s", key).isTrue();
        });
    }

    @Test
    void keysBuiltFromNamesExistToo() {
        List<String> built = new ArrayList<>();
        for (ConnectionState state : ConnectionState.values()) {
            built.add("status." + state.name().toLowerCase(Locale.ROOT));
        }
        for (Role role : Role.values()) {
            built.add("role." + role.name().toLowerCase(Locale.ROOT));
        }
        for (Language language : Language.values()) {
            built.add("settings.language." + language.name().toLowerCase(Locale.ROOT));
        }
        for (String s : List.of("settings.theme.light", "settings.theme.dark", "chat.notice.group.left",
                "chat.notice.group.kicked", "chat.notice.group.dissolved", "bye.disabled", "bye.passwordChanged",
                "bye.passwordReset")) {
            built.add(s);
        }
        built.addAll(Reasons.ALL);
        assertThat(built).allSatisfy(key -> {
            assertThat(english.containsKey(key)).as("English has %s", key).isTrue();
            assertThat(chinese.containsKey(key)).as("Chinese has %s", key).isTrue();
        });
    }

    /** Keys passed literally to I18n.tr(...) in the main sources. */
    private static Set<String> keysUsedInSources() throws IOException {
        Pattern call = Pattern.compile("I18n\\.tr\\(\"([a-zA-Z_.]+)\"\\s*[,)]");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void languagesParseFromWhatPeopleType() {
        assertThat(Language.parse("zh")).isEqualTo(Language.CHINESE);
        assertThat(Language.parse("zh_CN")).isEqualTo(Language.CHINESE);
        assertThat(Language.parse("EN")).isEqualTo(Language.ENGLISH);
        assertThat(Language.parse("system")).isEqualTo(Language.SYSTEM);
        assertThat(Language.parse(null)).isEqualTo(Language.SYSTEM);
        assertThat(Language.SYSTEM.locale(Locale.TAIWAN)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.SYSTEM.locale(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
    }
}
