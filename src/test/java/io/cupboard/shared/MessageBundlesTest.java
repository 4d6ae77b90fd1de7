package io.cupboard.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Set<String> hebrew = keys("messages.properties");
        Set<String> english = keys("messages_en.properties");

        assertThat(difference(hebrew, english)).as("keys only in Hebrew").isEmpty();
        assertThat(difference(english, hebrew)).as("keys only in English").isEmpty();
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties properties = load(bundle);
            assertThat(properties.stringPropertyNames().stream().filter(key -> properties.getProperty(key).isBlank()))
                    .as("empty messages in " + bundle).isEmpty();
        }
    }

    @Test
    void hebrewBundleIsHebrew() throws IOException {
        Properties hebrew = load("messages.properties");

        assertThat(hebrew.getProperty("login.heading")).isEqualTo("כניסה");
    }

    @Test
    void everyTemplateKeyExists() throws IOException {
        Set<String> hebrew = keys("messages.properties");
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
        return element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")
                || element.hasAttr("sec:authentication") || element.hasAttr("th:insert") || element.hasAttr("data-literal");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
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
