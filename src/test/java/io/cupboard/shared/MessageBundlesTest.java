package io.cupboard.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MESSAGE_REFERENCE = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

    @Test
    void hebrewAndEnglishHaveTheSameKeys() throws IOException {
        for (String basename : basenames()) {
            Set<String> hebrew = keys(basename + ".properties");
            Set<String> english = keys(basename + "_en.properties");

            assertThat(difference(hebrew, english)).as("keys only in Hebrew " + basename).isEmpty();
            assertThat(difference(english, hebrew)).as("keys only in English " + basename).isEmpty();
        }
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        List<String> duplicates = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String basename : basenames()) {
            for (String key : keys(basename + ".properties")) {
                if (!seen.add(key)) {
                    duplicates.add(basename + ": " + key);
                }
            }
        }

        assertThat(duplicates).isEmpty();
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String basename : basenames()) {
            for (String bundle : List.of(basename + ".properties", basename + "_en.properties")) {
                Properties properties = load(bundle);
                assertThat(properties.stringPropertyNames().stream().filter(key -> properties.getProperty(key).isBlank()))
                        .as("empty messages in " + bundle).isEmpty();
            }
        }
    }

    @Test
    void hebrewBundleIsHebrew() throws IOException {
        Properties hebrew = load("messages.properties");

        assertThat(hebrew.getProperty("login.heading")).isEqualTo("כניסה");
    }

    @Test
    void everyTemplateKeyExists() throws IOException {
        Set<String> hebrew = new TreeSet<>();
        for (String basename : basenames()) {
            hebrew.addAll(keys(basename + ".properties"));
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_REFERENCE.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!hebrew.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    /**
     * Every visible word comes from the bundles: text in an element without {@code th:text} (or a
     * similar attribute that replaces it) would show in one language only.
     */
    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template));
            for (Element element : document.getAllElements()) {
                if (replacesText(element) || Set.of("script", "style", "title").contains(element.tagName())) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    String value = text.text().strip();
                    if (value.chars().anyMatch(Character::isLetter) && !insideReplacedElement(element)) {
                        literals.add(TEMPLATES.relativize(template) + ": " + value);
                    }
                }
            }
        }

        assertThat(literals).isEmpty();
    }

    private static boolean insideReplacedElement(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (replacesText(parent)) {
                return true;
            }
        }
        return false;
    }

    private static boolean replacesText(Element element) {
        return element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace") || element.hasAttr("th:errors")
                || element.hasAttr("sec:authentication") || element.hasAttr("th:insert") || element.hasAttr("data-literal");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Reads the bundle basenames that the application configures, so a new bundle is checked too. */
    /**
     * A message with arguments goes through {@link MessageFormat}, where a single apostrophe starts
     * quoted text and hides the placeholders after it ("center's … {0}" printed "{0}").
     */
    @Test
    void everyArgumentOfAMessageIsPrinted() throws IOException {
        Pattern placeholder = Pattern.compile("\\{(\\d+)");
        for (String basename : basenames()) {
            for (String bundle : List.of(basename + ".properties", basename + "_en.properties")) {
                Properties properties = load(bundle);
                for (String key : properties.stringPropertyNames()) {
                    String text = properties.getProperty(key);
                    List<Integer> indexes = placeholder.matcher(text).results().map(match -> Integer.valueOf(match.group(1))).toList();
                    if (indexes.isEmpty()) {
                        continue;
                    }
                    Object[] arguments = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                    for (int index = 0; index < arguments.length; index++) {
                        arguments[index] = "ARGUMENT" + index;
                    }
                    String formatted = new MessageFormat(text, Locale.ENGLISH).format(arguments);
                    for (int index : indexes) {
                        assertThat(formatted).as(bundle + " " + key).contains("ARGUMENT" + index);
                    }
                }
            }
        }
    }

    private static List<String> basenames() throws IOException {
        Properties application = load("application.properties");
        return List.of(application.getProperty("spring.messages.basename").split(",")).stream().map(String::strip).toList();
    }

    private static Set<String> difference(Set<String> first, Set<String> second) {
        Set<String> result = new TreeSet<>(first);
        result.removeAll(second);
        return result;
    }

    private static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream input = MessageBundlesTest.class.getResourceAsStream("/" + bundle)) {
            assertThat(input).as(bundle).isNotNull();
            properties.load(new InputStreamReader(input, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
