package io.cupboard.lead.web;

import io.cupboard.lead.LeadNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A lead the user may not see answers like a lead that does not exist: the 404 page.
 */
@ControllerAdvice
class LeadWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LeadWebExceptionHandler.class);

    @ExceptionHandler(LeadNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(LeadNotFoundException exception) {
        log.debug("{}", exception.getMessage());
        return "error/404";
    }
}
