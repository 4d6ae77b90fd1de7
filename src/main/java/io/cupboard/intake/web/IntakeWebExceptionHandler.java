package io.cupboard.intake.web;

import io.cupboard.intake.ImportNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An import batch the user may not see answers like a missing one, and so does a missing source: the 404 page. */
@ControllerAdvice(basePackageClasses = IntakeWebExceptionHandler.class)
class IntakeWebExceptionHandler {

    @ExceptionHandler({ImportNotFoundException.class, SourceAdminController.SourceNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
