package io.cupboard.allocation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's allocation rules: creating, editing, ordering, activating and deleting them. A
 * change may let leads that matched no rule find a team, so those leads are allocated again after
 * the commit.
 */
@Service
@Transactional
public class AllocationRules {

    static final int MAX_VALUES = 20;

    private static final Logger log = LoggerFactory.getLogger(AllocationRules.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_NAME = 100;
    private static final int MAX_SOURCE = 100;
    private static final int MAX_CAMPAIGN = 200;

    private final AllocationRuleRepository rules;
    private final TeamRepository teams;
    private final PoolDrain drain;
    private final Clock clock;

    AllocationRules(AllocationRuleRepository rules, TeamRepository teams, PoolDrain drain, Clock clock) {
        this.rules = rules;
        this.teams = teams;
        this.drain = drain;
        this.clock = clock;
    }

    /** Returns every rule in the order allocation tries them. */
    @Transactional(readOnly = true)
    public List<AllocationRule> rules() {
        return rules.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public AllocationRule rule(long ruleId) {
        return rules.findById(ruleId).orElseThrow(() -> notFound(ruleId));
    }

    /**
     * Adds an active rule after the existing ones.
     *
     * @throws AllocationRejectedException when a value is invalid or a team is missing or inactive
     */
    public AllocationRule create(RuleDefinition definition, CurrentUser actor) {
        RuleDefinition valid = validated(definition);
        int position = rules.findAllByOrderByPositionAscIdAsc().stream().mapToInt(AllocationRule::getPosition).max().orElse(0) + 10;
        AllocationRule rule = rules.saveAndFlush(new AllocationRule(valid, position, clock.instant()));
        log.info("User {} created allocation rule {} for team {}", actor.id(), rule.getId(), rule.getTeamId());
        drain.drainWithoutTeamAfterCommit();
        return rule;
    }

    /**
     * @param version the version the admin edited; another one means somebody saved the rule meanwhile
     * @throws AllocationRejectedException when a value is invalid or the rule changed meanwhile
     */
    public void update(long ruleId, int version, RuleDefinition definition, CurrentUser actor) {
        AllocationRule rule = current(ruleId, version);
        rule.change(validated(definition));
        log.info("User {} changed allocation rule {}", actor.id(), ruleId);
        drain.drainWithoutTeamAfterCommit();
    }

    public void setActive(long ruleId, int version, boolean active, CurrentUser actor) {
        AllocationRule rule = current(ruleId, version);
        if (active) {
            rule.activate();
            drain.drainWithoutTeamAfterCommit();
        } else {
            rule.deactivate();
        }
        log.info("User {} {} allocation rule {}", actor.id(), active ? "activated" : "deactivated", ruleId);
    }

    /** Deletes a rule. Timelines keep the rule's id and name in their entries, so nothing refers to the row. */
    public void delete(long ruleId, int version, CurrentUser actor) {
        rules.delete(current(ruleId, version));
        log.info("User {} deleted allocation rule {}", actor.id(), ruleId);
    }

    /** Moves a rule one place up (tried earlier) or down in the order. */
    public void move(long ruleId, boolean up, CurrentUser actor) {
        List<AllocationRule> ordered = new ArrayList<>(rules.findAllByOrderByPositionAscIdAsc());
        int index = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getId() == ruleId) {
                index = i;
            }
        }
        if (index < 0) {
            throw notFound(ruleId);
        }
        int neighbour = up ? index - 1 : index + 1;
        if (neighbour < 0 || neighbour >= ordered.size()) {
            return;
        }
        // Renumber the whole list so that rules with equal positions get distinct ones.
        AllocationRule moved = ordered.remove(index);
        ordered.add(neighbour, moved);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo((i + 1) * 10);
        }
        log.info("User {} moved allocation rule {} {}", actor.id(), ruleId, up ? "up" : "down");
        drain.drainWithoutTeamAfterCommit();
    }

    private RuleDefinition validated(RuleDefinition definition) {
        String name = definition.name();
        if (name == null || name.isBlank()) {
            throw new AllocationRejectedException("name", "allocation.rule.error.nameRequired", "A rule name is required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new AllocationRejectedException("name", "allocation.rule.error.nameTooLong", "Rule name is too long", MAX_NAME);
        }
        List<String> sources = normalized(definition.sources(), "sources", MAX_SOURCE);
        List<String> campaigns = normalized(definition.campaigns(), "campaigns", MAX_CAMPAIGN);
        String language = definition.language() == null || definition.language().isBlank()
                ? null : definition.language().strip().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new AllocationRejectedException("language", "allocation.rule.error.languageInvalid",
                    "Language " + language + " is not an ISO 639 code");
        }
        if (definition.strategy() == null) {
            throw new AllocationRejectedException("strategy", "allocation.rule.error.strategyRequired", "A strategy is required");
        }
        if (definition.teamId() == null) {
            throw new AllocationRejectedException("teamId", "allocation.rule.error.teamRequired", "A team is required");
        }
        requireActiveTeam(definition.teamId(), "teamId");
        Long secondWaveTeam = Objects.equals(definition.secondWaveTeamId(), definition.teamId()) ? null : definition.secondWaveTeamId();
        if (secondWaveTeam != null) {
            requireActiveTeam(secondWaveTeam, "secondWaveTeamId");
        }
        return new RuleDefinition(name.strip(), sources, campaigns, definition.leadType(), language, definition.teamId(),
                definition.strategy(), secondWaveTeam);
    }

    private static List<String> normalized(List<String> values, String field, int maxLength) {
        List<String> normalized = values.stream().filter(Objects::nonNull).map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty()).distinct().toList();
        if (normalized.size() > MAX_VALUES || normalized.stream().anyMatch(value -> value.length() > maxLength)) {
            throw new AllocationRejectedException(field, "allocation.rule.error.valuesInvalid",
                    "Too many or too long values in " + field, MAX_VALUES, maxLength);
        }
        return normalized;
    }

    private void requireActiveTeam(long teamId, String field) {
        Team team = teams.findById(teamId).orElseThrow(
                () -> new AllocationRejectedException(field, "allocation.rule.error.teamNotFound", "Team " + teamId + " not found"));
        if (!team.isActive()) {
            throw new AllocationRejectedException(field, "allocation.rule.error.teamInactive", "Team " + teamId + " is inactive",
                    team.getName());
        }
    }

    private AllocationRule current(long ruleId, int version) {
        AllocationRule rule = rule(ruleId);
        if (rule.getVersion() != version) {
            throw new AllocationRejectedException(null, "allocation.rule.error.conflict", "Rule " + ruleId + " changed meanwhile");
        }
        return rule;
    }

    private static AllocationRejectedException notFound(long ruleId) {
        return new AllocationRejectedException(null, "allocation.rule.error.notFound", "Rule " + ruleId + " not found");
    }
}
