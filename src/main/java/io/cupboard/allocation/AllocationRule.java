package io.cupboard.allocation;

import java.time.Instant;
import java.util.List;

import io.cupboard.lead.LeadType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An admin's rule: which leads it matches and the team and strategy that allocate them. Rules are
 * tried in the order of their position; the first active rule that matches decides.
 */
@Entity
public class AllocationRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int position;

    private boolean active;

    private String[] sources;

    private String[] campaigns;

    @Enumerated(EnumType.STRING)
    private LeadType leadType;

    private String language;

    private Long teamId;

    @Enumerated(EnumType.STRING)
    private AllocationStrategy strategy;

    private Long secondWaveTeamId;

    private Instant createdAt;

    @Version
    private int version;

    protected AllocationRule() {
    }

    AllocationRule(RuleDefinition definition, int position, Instant createdAt) {
        change(definition);
        this.position = position;
        this.active = true;
        this.createdAt = createdAt;
    }

    /** Replaces the criteria, the team and the strategy; the values were validated by {@link AllocationRules}. */
    void change(RuleDefinition definition) {
        this.name = definition.name().strip();
        this.sources = definition.sources().toArray(String[]::new);
        this.campaigns = definition.campaigns().toArray(String[]::new);
        this.leadType = definition.leadType();
        this.language = definition.language();
        this.teamId = definition.teamId();
        this.strategy = definition.strategy();
        this.secondWaveTeamId = definition.secondWaveTeamId();
    }

    void moveTo(int position) {
        this.position = position;
    }

    void activate() {
        this.active = true;
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }

    /** Returns the sources the rule matches, in lower case; empty matches every source. */
    public List<String> getSources() {
        return List.of(sources);
    }

    /** Returns the campaigns the rule matches, in lower case; empty matches every campaign. */
    public List<String> getCampaigns() {
        return List.of(campaigns);
    }

    /** Returns the lead type the rule matches, or null for every type. */
    public LeadType getLeadType() {
        return leadType;
    }

    /** Returns the preferred language the rule matches, or null for every language. */
    public String getLanguage() {
        return language;
    }

    public Long getTeamId() {
        return teamId;
    }

    public AllocationStrategy getStrategy() {
        return strategy;
    }

    /** Returns the team that receives the rule's leads in their next wave, or null for the same team. */
    public Long getSecondWaveTeamId() {
        return secondWaveTeamId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }

    /** Returns the definition, for an edit form. */
    public RuleDefinition toDefinition() {
        return new RuleDefinition(name, getSources(), getCampaigns(), leadType, language, teamId, strategy, secondWaveTeamId);
    }
}
