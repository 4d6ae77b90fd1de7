package io.cupboard.alert;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An alert that does not exist or that the user may not see; the web layer responds with 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AlertNotFoundException extends RuntimeException {

    public AlertNotFoundException(long alertId) {
        super("Alert " + alertId + " not found or not visible to the user");
    }
}
