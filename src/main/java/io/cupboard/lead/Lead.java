package io.cupboard.lead;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A person who may buy, with everything the center knows about working them. The status and
 * owner change only through the methods named for the business act; the version guards against
 * two people saving the same lead.
 */
@Entity
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String fullName;

    @Column(name = "phone_e164")
    private String phoneE164;

    private String phoneDisplay;

    @Column(name = "alternate_phone_e164")
    private String alternatePhoneE164;

    private String email;

    private String city;

    private String preferredLanguage;

    private String source;

    private String campaign;

    private String externalId;

    @Enumerated(EnumType.STRING)
    private ConsentBasis consentBasis;

    private Instant registryCheckedAt;

    @Enumerated(EnumType.STRING)
    private LeadType type;

    private Long statusId;

    private Long ownerId;

    private Long teamId;

    private int attemptCount;

    private int followUpCount;

    private int wave;

    private Instant createdAt;

    private Instant assignedAt;

    private Instant firstContactAt;

    private Instant lastActivityAt;

    private Instant closedAt;

    private Long disqualificationReasonId;

    @Version
    private int version;

    protected Lead() {
    }

    /** Rebuilds a stored lead from its columns, outside the persistence context ({@link OutcomeWrites}). */
    Lead(LeadColumns columns) {
        this.id = columns.id();
        this.fullName = columns.fullName();
        this.phoneE164 = columns.phoneE164();
        this.phoneDisplay = columns.phoneDisplay();
        this.alternatePhoneE164 = columns.alternatePhoneE164();
        this.email = columns.email();
        this.city = columns.city();
        this.preferredLanguage = columns.preferredLanguage();
        this.source = columns.source();
        this.campaign = columns.campaign();
        this.externalId = columns.externalId();
        this.consentBasis = columns.consentBasis();
        this.registryCheckedAt = columns.registryCheckedAt();
        this.type = columns.type();
        this.statusId = columns.statusId();
        this.ownerId = columns.ownerId();
        this.teamId = columns.teamId();
        this.attemptCount = columns.attemptCount();
        this.followUpCount = columns.followUpCount();
        this.wave = columns.wave();
        this.createdAt = columns.createdAt();
        this.assignedAt = columns.assignedAt();
        this.firstContactAt = columns.firstContactAt();
        this.lastActivityAt = columns.lastActivityAt();
        this.closedAt = columns.closedAt();
        this.disqualificationReasonId = columns.disqualificationReasonId();
        this.version = columns.version();
    }

    public Lead(LeadContact contact, LeadType type, LeadStatus initialStatus, Instant createdAt) {
        if (!initialStatus.isOpen()) {
            throw new IllegalArgumentException("A lead starts in an open status, not " + initialStatus.getCode());
        }
        updateContact(contact);
        this.type = type;
        this.statusId = initialStatus.getId();
        this.wave = 1;
        this.createdAt = createdAt;
        this.lastActivityAt = createdAt;
    }

    public void updateContact(LeadContact contact) {
        this.fullName = contact.fullName();
        this.phoneE164 = contact.phone() == null ? null : contact.phone().e164();
        this.phoneDisplay = contact.phone() == null ? null : contact.phone().display();
        this.alternatePhoneE164 = contact.alternatePhone() == null ? null : contact.alternatePhone().e164();
        this.email = contact.email();
        this.city = contact.city();
        this.preferredLanguage = contact.preferredLanguage() == null ? "he" : contact.preferredLanguage();
        this.source = contact.source();
        this.campaign = contact.campaign();
        this.externalId = contact.externalId();
        this.consentBasis = contact.consentBasis() == null ? ConsentBasis.INBOUND : contact.consentBasis();
    }

    /** Records that a call was made; the first one is the lead's first contact time. */
    void recordCall(Instant at) {
        requireOpen("record a call");
        if (firstContactAt == null) {
            firstContactAt = at;
        }
        lastActivityAt = at;
    }

    void countAttempt() {
        attemptCount++;
    }

    void countFollowUp() {
        followUpCount++;
    }

    void moveToStatus(LeadStatus status) {
        requireOpen("change status");
        if (!status.isOpen()) {
            throw new IllegalArgumentException("Use close() for closed status " + status.getCode());
        }
        this.statusId = status.getId();
    }

    void close(LeadStatus status, DisqualificationReason reason, Instant at) {
        requireOpen("close");
        if (status.isOpen()) {
            throw new IllegalArgumentException("Status " + status.getCode() + " does not close a lead");
        }
        if (status.getCategory() != StatusCategory.WON && reason == null) {
            throw new IllegalArgumentException("Closing with status " + status.getCode() + " needs a disqualification reason");
        }
        this.statusId = status.getId();
        this.disqualificationReasonId = reason == null ? null : reason.getId();
        this.closedAt = at;
        this.lastActivityAt = at;
    }

    /** Reopens a closed lead that inquired again, as RENEWED with a fresh attempt count. */
    void reopenAsRenewed(LeadStatus status, Instant at) {
        if (closedAt == null) {
            throw new IllegalStateException("Lead " + id + " is open; only a closed lead can be reopened");
        }
        this.type = LeadType.RENEWED;
        this.statusId = status.getId();
        this.closedAt = null;
        this.disqualificationReasonId = null;
        this.attemptCount = 0;
        this.followUpCount = 0;
        this.wave = 1;
        this.firstContactAt = null;
        this.lastActivityAt = at;
    }

    void assignTo(Long ownerId, Long teamId, Instant at) {
        this.ownerId = ownerId;
        this.teamId = teamId;
        this.assignedAt = ownerId == null ? null : at;
    }

    /** Starts another wave: the attempts begin again with another agent. */
    void startNextWave() {
        this.wave++;
        this.attemptCount = 0;
    }

    void markRegistryChecked(Instant at) {
        this.registryCheckedAt = at;
    }

    private void requireOpen(String action) {
        if (closedAt != null) {
            throw new LeadClosedException(id);
        }
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPhoneE164() {
        return phoneE164;
    }

    public String getPhoneDisplay() {
        return phoneDisplay;
    }

    public String getAlternatePhoneE164() {
        return alternatePhoneE164;
    }

    public String getEmail() {
        return email;
    }

    public String getCity() {
        return city;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public String getSource() {
        return source;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getExternalId() {
        return externalId;
    }

    public ConsentBasis getConsentBasis() {
        return consentBasis;
    }

    public Instant getRegistryCheckedAt() {
        return registryCheckedAt;
    }

    public LeadType getType() {
        return type;
    }

    public Long getStatusId() {
        return statusId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public int getAttemptCount() {
        return attemptCount;
    }

    public int getFollowUpCount() {
        return followUpCount;
    }

    public int getWave() {
        return wave;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getFirstContactAt() {
        return firstContactAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getDisqualificationReasonId() {
        return disqualificationReasonId;
    }

    public int getVersion() {
        return version;
    }
}
