package io.cupboard.lead;

/**
 * Somebody else saved the lead after the user loaded it; the user's change was not applied.
 */
public class LeadConflictException extends RuntimeException {

    private final Long leadId;

    public LeadConflictException(Long leadId, int expectedVersion, int actualVersion) {
        super("Lead " + leadId + " changed: expected version " + expectedVersion + ", found " + actualVersion);
        this.leadId = leadId;
    }

    public LeadConflictException(Long leadId, Throwable cause) {
        super("Lead " + leadId + " changed by a concurrent transaction", cause);
        this.leadId = leadId;
    }

    public Long leadId() {
        return leadId;
    }
}
