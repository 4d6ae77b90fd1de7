package io.cupboard.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * One entry of the center's uniform list of reasons for closing a lead without a sale.
 */
@Entity
public class DisqualificationReason {

    public static final String NO_CONTACT = "NO_CONTACT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String nameHe;

    private String nameEn;

    private int sortOrder;

    private boolean active;

    private boolean systemReason;

    @Version
    private int version;

    protected DisqualificationReason() {
    }

    public DisqualificationReason(String code, String nameHe, String nameEn, int sortOrder) {
        this.code = code;
        rename(nameHe, nameEn);
        this.sortOrder = sortOrder;
        this.active = true;
    }

    public void rename(String nameHe, String nameEn) {
        this.nameHe = nameHe.strip();
        this.nameEn = nameEn.strip();
    }

    public void moveTo(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public void deactivate() {
        if (systemReason) {
            throw new IllegalStateException("System reason " + code + " cannot be deactivated");
        }
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

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

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isSystemReason() {
        return systemReason;
    }

    public int getVersion() {
        return version;
    }
}
