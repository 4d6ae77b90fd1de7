package io.cupboard.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Stores the page the user asked for in two request attributes that the layout reads: {@code currentPath}
 * (which navigation link is active) and {@code languageSwitchPath} (the same page in the other
 * language). They are request attributes, not model attributes, so that views rendered by exception
 * handlers have them too. On an error page, forwarded to /error, they describe the request that failed:
 * switching the language of a 404 page shows the 404 page in the other language.
 */
class CurrentPageInterceptor implements HandlerInterceptor {

    static final String CURRENT_PATH = "currentPath";
    static final String LANGUAGE_SWITCH_PATH = "languageSwitchPath";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
        String uri = error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
        String query = error ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : request.getQueryString();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        if (path.isEmpty()) {
            path = "/";
        }
        request.setAttribute(CURRENT_PATH, path);
        request.setAttribute(LANGUAGE_SWITCH_PATH, switchPath(path, query, otherLanguage(request)));
        return true;
    }

    /** Returns the path with its query parameters and {@code lang} set to the other language. */
    private static String switchPath(String path, String query, String language) {
        try {
            return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build(true).toUriString();
        } catch (IllegalArgumentException malformed) {
            // Invalid percent-encoding in the path or query: switch on the home page rather than fail the page.
            return "/?lang=" + language;
        }
    }

    private static String otherLanguage(HttpServletRequest request) {
        return "en".equals(SupportedLanguages.languageOf(RequestContextUtils.getLocale(request))) ? "he" : "en";
    }
}
