package io.cupboard.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Returns the 404 page for a path whose variable has the wrong type, such as /leads/abc or
 * /admin/users/new: to the user it is a page that does not exist, not an invalid request. A query
 * parameter of the wrong type still gets 400. Controllers with their own handlers (the intake API)
 * keep them.
 */
@ControllerAdvice
class PathVariableMismatchHandler {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException exception) {
        if (exception.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        }
        ModelAndView view = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        view.addObject("status", HttpStatus.BAD_REQUEST.value());
        return view;
    }
}
