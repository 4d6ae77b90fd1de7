package io.cupboard.alert;

import org.springframework.stereotype.Component;

/**
 * The htmx triggers of the alert badge in the navigation bar, which the layout reads as
 * {@code @alertNavigation}.
 */
@Component("alertNavigation")
public class AlertNavigation {

    private final AlertProperties properties;

    AlertNavigation(AlertProperties properties) {
        this.properties = properties;
    }

    /** Returns the trigger of the badge in a page: load at once, then poll. */
    public String pageTrigger() {
        return "load, " + pollTrigger();
    }

    /**
     * Returns the trigger of a badge that replaced the previous one. It must not fire on load,
     * because every swapped-in badge would ask again at once.
     */
    public String pollTrigger() {
        return "every " + properties.pollInterval().toMillis() + "ms";
    }
}
