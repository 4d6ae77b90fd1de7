package io.cupboard.identity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The admin's team form.
 *
 * @param averageHandlingMinutes the average minutes an agent of the team spends on a task
 */
record TeamForm(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(240) Integer averageHandlingMinutes, Integer version) {

    static TeamForm empty() {
        return new TeamForm("", 6, 0);
    }
}
