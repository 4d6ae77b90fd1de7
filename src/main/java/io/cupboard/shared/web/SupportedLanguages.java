package io.cupboard.shared.web;

import java.util.Locale;

/**
 * The two interface languages and their text direction.
 */
public final class SupportedLanguages {

    private SupportedLanguages() {
    }

    public static boolean isRightToLeft(Locale locale) {
        return locale == null || "he".equals(locale.getLanguage()) || "iw".equals(locale.getLanguage());
    }

    /** Returns the supported language for a locale, Hebrew unless it is English. */
    public static String languageOf(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "he";
    }
}
