package io.cupboard.lead.web;

import java.time.LocalDateTime;

import io.cupboard.lead.CallOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An outcome as the card's forms post it. Times are wall-clock times in the center's zone.
 * <p>
 * A JavaBean rather than a record, because every outcome request binds one. In a JFR profile of
 * the outcome benchmark, Spring Framework 7's constructor binding spent about 8% of the request's
 * CPU time reading the record constructor's parameter annotations, request after request. Setter
 * binding uses the property descriptors that Spring caches per class.
 */
class OutcomeForm {

    @NotNull
    private CallOutcome outcome;

    @NotNull
    private Integer version;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime callbackAt;

    private Long reasonId;

    private Long statusId;

    @Size(max = 4000)
    private String note;

    /** Whether the agent works in next-lead mode, so the next lead opens after this one. */
    private Boolean next;

    /** Whether next-lead mode is on; a form without the field is not in it. */
    boolean nextMode() {
        return Boolean.TRUE.equals(next);
    }

    public CallOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(CallOutcome outcome) {
        this.outcome = outcome;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public LocalDateTime getCallbackAt() {
        return callbackAt;
    }

    public void setCallbackAt(LocalDateTime callbackAt) {
        this.callbackAt = callbackAt;
    }

    public Long getReasonId() {
        return reasonId;
    }

    public void setReasonId(Long reasonId) {
        this.reasonId = reasonId;
    }

    public Long getStatusId() {
        return statusId;
    }

    public void setStatusId(Long statusId) {
        this.statusId = statusId;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Boolean getNext() {
        return next;
    }

    public void setNext(Boolean next) {
        this.next = next;
    }
}
