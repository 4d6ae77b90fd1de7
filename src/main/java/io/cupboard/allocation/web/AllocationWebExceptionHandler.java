package io.cupboard.allocation.web;

import io.cupboard.allocation.TeamMemberNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Shows the 404 page for an agent or team outside the user's scope, as for one that does not exist.
 */
@ControllerAdvice
class AllocationWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AllocationWebExceptionHandler.class);

    @ExceptionHandler(TeamMemberNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TeamMemberNotFoundException exception) {
        log.debug("{}", exception.getMessage());
        return "error/404";
    }
}
