package io.cupboard.shared.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Removes NUL characters (U+0000) from request parameters and form fields bound as strings.
 * PostgreSQL cannot store U+0000 in a text column, so a NUL in a note, a reason or a name would
 * otherwise fail the insert with a 500 error. Line breaks, tabs and other characters are kept.
 * A {@code @RequestParam Map} and JSON request bodies do not pass through this editor.
 */
@ControllerAdvice
class NullCharacterBinding {

    @InitBinder
    void removeNullCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : text.replace("\u0000", ""));
            }
        });
    }
}
