package io.cupboard.lead.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The admin's disqualification reason form; the code is only read when a reason is created. */
record ReasonForm(@Size(max = 40) String code, @NotBlank @Size(max = 100) String nameHe,
                  @NotBlank @Size(max = 100) String nameEn, Integer version) {

    static ReasonForm empty() {
        return new ReasonForm("", "", "", 0);
    }
}
