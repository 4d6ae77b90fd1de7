package io.cupboard.intake;

import java.util.regex.Pattern;

/**
 * Cleans text values from files and API requests before they are validated and stored. Text is
 * kept as given (emoji, niqqud, geresh, quotes) except for control characters, which become spaces,
 * and bidi marks, overrides and zero-width characters, which are removed. Zero-width joiners stay,
 * because emoji sequences need them.
 */
public final class ValueCleaner {

    /**
     * Left-to-right and right-to-left marks, the Arabic letter mark, embeddings, overrides and
     * isolates, the zero-width space and the byte order mark.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
    private static final Pattern NO_BREAK_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F]");
    /**
     * The apostrophe that the rejected-rows download puts before a value starting with =, +, - or @,
     * so that a spreadsheet shows it as text; a re-uploaded file still carries it.
     */
    private static final String FORMULA_STARTS = "=+-@";
    private static final boolean[] REPLACED = replacedCharacters();

    private ValueCleaner() {
    }

    /** Returns the cleaned value, or null when nothing but spaces is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        // Most values have nothing to remove; an import cleans millions of them, so skip the patterns then.
        String text = raw;
        if (!isPlain(raw)) {
            text = INVISIBLE.matcher(text).replaceAll("");
            text = CONTROL.matcher(text).replaceAll(" ");
            text = NO_BREAK_SPACES.matcher(text).replaceAll(" ");
        }
        text = text.strip();
        if (text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
            text = text.substring(1).strip();
        }
        return text.isEmpty() ? null : text;
    }

    /** Tells whether a value has none of the characters that the patterns replace. */
    private static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (REPLACED[raw.charAt(i)]) {
                return false;
            }
        }
        return true;
    }

    /** Marks every character that one of the patterns replaces, so the marks cannot drift from them. */
    private static boolean[] replacedCharacters() {
        boolean[] replaced = new boolean[Character.MAX_VALUE + 1];
        for (int code = 0; code <= Character.MAX_VALUE; code++) {
            String character = String.valueOf((char) code);
            replaced[code] = INVISIBLE.matcher(character).matches() || CONTROL.matcher(character).matches()
                    || NO_BREAK_SPACES.matcher(character).matches();
        }
        return replaced;
    }
}
