package io.cupboard.shared.web;

import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Model attributes that the layout needs on every page. The current page's path is a request
 * attribute instead ({@link CurrentPageInterceptor}), because error views have no model.
 */
@ControllerAdvice
class LayoutAttributes {

    private final java.time.Clock clock;

    LayoutAttributes(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The server's time in epoch milliseconds, so countdowns do not depend on the browser's clock. */
    @ModelAttribute("serverTime")
    long serverTime() {
        return clock.millis();
    }

    @ModelAttribute("language")
    String language(Locale locale) {
        return SupportedLanguages.languageOf(locale);
    }

    @ModelAttribute("textDirection")
    String textDirection(Locale locale) {
        return SupportedLanguages.isRightToLeft(locale) ? "rtl" : "ltr";
    }
}
