package io.cupboard.intake.web;

import io.cupboard.intake.ImportNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Shows the 404 page for a missing intake source and for an import batch that is missing or that the user may not see. */
@ControllerAdvice(basePackageClasses = IntakeWebExceptionHandler.class)
class IntakeWebExceptionHandler {

    @ExceptionHandler({ImportNotFoundException.class, SourceAdminController.SourceNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
