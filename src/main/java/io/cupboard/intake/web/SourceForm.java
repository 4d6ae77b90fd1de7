package io.cupboard.intake.web;

import io.cupboard.intake.IntakeSource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admin's form for a new intake source. */
record SourceForm(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{1,39}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull IntakeSource.Direction direction) {

    static SourceForm empty() {
        return new SourceForm("", "", IntakeSource.Direction.INBOUND);
    }
}
