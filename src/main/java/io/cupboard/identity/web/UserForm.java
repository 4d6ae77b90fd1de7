package io.cupboard.identity.web;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.identity.UserDefinition;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The admin's user form. The user name and the password are read only when a user is created.
 *
 * @param languages ISO 639 codes separated by commas, such as {@code he, ar}
 */
record UserForm(@Size(max = 50) String username, @NotBlank @Size(max = 100) String displayName, @NotNull Role role, Long teamId,
                @NotBlank @Size(max = 100) String languages, @NotNull @Min(0) @Max(10_000) Integer dailyCapacity,
                @NotNull @Min(1) @Max(100) Integer allocationWeight, @DateTimeFormat(pattern = "HH:mm") LocalTime shiftStart,
                @DateTimeFormat(pattern = "HH:mm") LocalTime shiftEnd, @Size(max = 200) String password, Integer version) {

    static UserForm empty() {
        return new UserForm("", "", Role.AGENT, null, "he", 200, 1, null, null, "", 0);
    }

    static UserForm of(User user) {
        return new UserForm(user.getUsername(), user.getDisplayName(), user.getRole(), user.getTeamId(),
                String.join(", ", user.getLanguages()), user.getDailyCapacity(), user.getAllocationWeight(),
                user.getShiftStart(), user.getShiftEnd(), "", user.getVersion());
    }

    UserDefinition toDefinition() {
        List<String> codes = languages == null ? List.of() : Arrays.stream(languages.split(",")).map(String::strip)
                .filter(code -> !code.isEmpty()).toList();
        return new UserDefinition(username, displayName, role, teamId, codes, dailyCapacity, allocationWeight, shiftStart, shiftEnd);
    }
}
