package io.cupboard.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The status a call outcome moves a lead to, and for closing outcomes with a fixed cause (a wrong
 * number, a request not to call) the disqualification reason it records.
 */
@Entity
public class OutcomeSetting {

    @Id
    @Enumerated(EnumType.STRING)
    private CallOutcome outcome;

    private Long statusId;

    private Long reasonId;

    @Version
    private int version;

    protected OutcomeSetting() {
    }

    private OutcomeSetting(OutcomeSetting source) {
        this.outcome = source.outcome;
        this.statusId = source.statusId;
        this.reasonId = source.reasonId;
        this.version = source.version;
    }

    /** Returns a copy that no persistence context manages, for {@link LeadSettingsCache}. */
    OutcomeSetting unmanagedCopy() {
        return new OutcomeSetting(this);
    }

    public void change(LeadStatus status, DisqualificationReason reason) {
        boolean closing = outcome.closesLead();
        if (status.isOpen() == closing) {
            throw new IllegalArgumentException("Outcome " + outcome + " needs " + (closing ? "a closed" : "an open")
                    + " status, not " + status.getCode());
        }
        if (status.isOpen() && outcome != CallOutcome.SALE && reason != null) {
            throw new IllegalArgumentException("An open status takes no disqualification reason");
        }
        this.statusId = status.getId();
        this.reasonId = reason == null ? null : reason.getId();
    }

    public CallOutcome getOutcome() {
        return outcome;
    }

    public Long getStatusId() {
        return statusId;
    }

    public Long getReasonId() {
        return reasonId;
    }

    public int getVersion() {
        return version;
    }
}
