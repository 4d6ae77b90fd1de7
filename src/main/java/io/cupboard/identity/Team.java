package io.cupboard.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A team of agents with its team lead. Leads that no agent can take wait in the team's pool.
 */
@Entity
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "average_handling_minutes")
    private int averageHandlingMinutes;

    private boolean active;

    private Instant createdAt;

    @Version
    private int version;

    protected Team() {
    }

    public Team(String name, int averageHandlingMinutes, Instant createdAt) {
        rename(name);
        changeAverageHandlingMinutes(averageHandlingMinutes);
        this.active = true;
        this.createdAt = createdAt;
    }

    public void rename(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A team name is required");
        }
        this.name = name.strip();
    }

    public void changeAverageHandlingMinutes(int minutes) {
        if (minutes <= 0) {
            throw new IllegalArgumentException("Average handling minutes must be positive, was " + minutes);
        }
        this.averageHandlingMinutes = minutes;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getAverageHandlingMinutes() {
        return averageHandlingMinutes;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
