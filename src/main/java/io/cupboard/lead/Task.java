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
 * The next step on a lead. A lead has at most one open task; an open lead has exactly one.
 */
@Entity
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long leadId;

    @Enumerated(EnumType.STRING)
    private TaskType type;

    @Enumerated(EnumType.STRING)
    private TaskState state;

    private Long ownerId;

    private Long teamId;

    private Instant dueAt;

    private Instant slaDeadlineAt;

    private Instant createdAt;

    private Instant completedAt;

    private int carriedCount;

    private String carryReason;

    private Instant originalDueAt;

    /**
     * Written only by the SLA sweep, in SQL. Hibernate never writes it, so an outcome saved while
     * the sweep marks the breach cannot erase the mark.
     */
    @Column(insertable = false, updatable = false)
    private Instant slaBreachedAt;

    @Version
    private int version;

    protected Task() {
    }

    Task(Lead lead, TaskType type, Instant dueAt, Instant slaDeadlineAt, Instant createdAt) {
        this.leadId = lead.getId();
        this.type = type;
        this.state = TaskState.OPEN;
        this.ownerId = lead.getOwnerId();
        this.teamId = lead.getTeamId();
        this.dueAt = dueAt;
        this.slaDeadlineAt = slaDeadlineAt;
        this.createdAt = createdAt;
    }

    void cancel(Instant at) {
        requireOpen();
        this.state = TaskState.CANCELLED;
        this.completedAt = at;
    }

    void carryForward(Instant newDueAt, String reason) {
        requireOpen();
        if (originalDueAt == null) {
            originalDueAt = dueAt;
        }
        this.dueAt = newDueAt;
        this.carryReason = reason;
        this.carriedCount++;
    }

    void reassign(Long ownerId, Long teamId) {
        requireOpen();
        this.ownerId = ownerId;
        this.teamId = teamId;
    }

    private void requireOpen() {
        if (state != TaskState.OPEN) {
            throw new IllegalStateException("Task " + id + " is " + state + ", not OPEN");
        }
    }

    public Long getId() {
        return id;
    }

    public Long getLeadId() {
        return leadId;
    }

    public TaskType getType() {
        return type;
    }

    public TaskState getState() {
        return state;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getSlaDeadlineAt() {
        return slaDeadlineAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public int getCarriedCount() {
        return carriedCount;
    }

    public String getCarryReason() {
        return carryReason;
    }

    public Instant getOriginalDueAt() {
        return originalDueAt;
    }

    public Instant getSlaBreachedAt() {
        return slaBreachedAt;
    }

    public int getVersion() {
        return version;
    }
}
