package io.cupboard.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An admin-managed lead status. An open status names the task it requires and that task's
 * default delay; a closed one names none.
 */
@Entity
public class LeadStatus {

    public static final String NEW = "NEW";
    public static final String UNREACHABLE = "UNREACHABLE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String nameHe;

    private String nameEn;

    @Enumerated(EnumType.STRING)
    private StatusCategory category;

    @Enumerated(EnumType.STRING)
    private TaskType taskType;

    private int defaultDelayMinutes;

    private int priorityRank;

    private int sortOrder;

    private boolean active;

    private boolean systemStatus;

    @Version
    private int version;

    protected LeadStatus() {
    }

    public LeadStatus(String code, String nameHe, String nameEn, StatusCategory category, TaskType taskType,
                      int defaultDelayMinutes, int priorityRank, int sortOrder) {
        this.code = code;
        rename(nameHe, nameEn);
        changeBehaviour(category, taskType, defaultDelayMinutes, priorityRank);
        this.sortOrder = sortOrder;
        this.active = true;
    }

    /** Copies every field, so that the copy can be shared while no persistence context manages it. */
    private LeadStatus(LeadStatus source) {
        this.id = source.id;
        this.code = source.code;
        this.nameHe = source.nameHe;
        this.nameEn = source.nameEn;
        this.category = source.category;
        this.taskType = source.taskType;
        this.defaultDelayMinutes = source.defaultDelayMinutes;
        this.priorityRank = source.priorityRank;
        this.sortOrder = source.sortOrder;
        this.active = source.active;
        this.systemStatus = source.systemStatus;
        this.version = source.version;
    }

    /** Returns a copy that no persistence context manages, for {@link LeadSettingsCache}. */
    LeadStatus unmanagedCopy() {
        return new LeadStatus(this);
    }

    public void rename(String nameHe, String nameEn) {
        this.nameHe = nameHe.strip();
        this.nameEn = nameEn.strip();
    }

    public void changeBehaviour(StatusCategory category, TaskType taskType, int defaultDelayMinutes, int priorityRank) {
        if ((category == StatusCategory.OPEN) != (taskType != null)) {
            throw new IllegalArgumentException("An open status needs a task type and a closed one none; was "
                    + category + " with " + taskType);
        }
        if (systemStatus && category != this.category) {
            throw new IllegalStateException("The category of system status " + code + " cannot change");
        }
        this.category = category;
        this.taskType = taskType;
        this.defaultDelayMinutes = defaultDelayMinutes;
        this.priorityRank = priorityRank;
    }

    public void moveTo(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public void deactivate() {
        if (systemStatus) {
            throw new IllegalStateException("System status " + code + " cannot be deactivated");
        }
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    /** Returns the name in the given language, Hebrew unless it is English. */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameHe;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameHe() {
        return nameHe;
    }

    public String getNameEn() {
        return nameEn;
    }

    public StatusCategory getCategory() {
        return category;
    }

    public TaskType getTaskType() {
        return taskType;
    }

    public int getDefaultDelayMinutes() {
        return defaultDelayMinutes;
    }

    public int getPriorityRank() {
        return priorityRank;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isSystemStatus() {
        return systemStatus;
    }

    public boolean isOpen() {
        return category == StatusCategory.OPEN;
    }

    public int getVersion() {
        return version;
    }
}
