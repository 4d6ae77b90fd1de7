package io.cupboard.demo;

import java.util.List;
import java.util.Optional;

import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.allocation.RuleDefinition;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Gives the demo center allocation rules: Arabic and Russian speakers' leads and the social-media
 * sources go to team South, every other lead to team North, each with the other team for the
 * second wave. Runs once the demo data is loaded, and adds nothing when any rule exists.
 */
@Component
@ConditionalOnBooleanProperty("cupboard.demo.enabled")
class DemoAllocationRules {

    private static final Logger log = LoggerFactory.getLogger(DemoAllocationRules.class);

    private final AllocationRules rules;
    private final TeamRepository teams;
    private final UserDetailsService userDetails;

    DemoAllocationRules(AllocationRules rules, TeamRepository teams, UserDetailsService userDetails) {
        this.rules = rules;
        this.teams = teams;
        this.userDetails = userDetails;
    }

    /** Runs after every application runner, so after the demo teams exist. */
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Optional<Team> north = teams.findByName("צוות צפון");
        Optional<Team> south = teams.findByName("צוות דרום");
        if (!rules.rules().isEmpty() || north.isEmpty() || south.isEmpty()) {
            return;
        }
        CurrentUser admin;
        try {
            admin = (CurrentUser) userDetails.loadUserByUsername("admin");
        } catch (UsernameNotFoundException e) {
            return;
        }
        long northId = north.get().getId();
        long southId = south.get().getId();
        rules.create(new RuleDefinition("לידים בערבית", List.of(), List.of(), null, "ar", southId,
                AllocationStrategy.LEAST_LOADED, northId), admin);
        rules.create(new RuleDefinition("לידים ברוסית", List.of(), List.of(), null, "ru", southId,
                AllocationStrategy.LEAST_LOADED, northId), admin);
        rules.create(new RuleDefinition("פייסבוק ואינסטגרם", List.of("facebook", "instagram"), List.of(), null, null, southId,
                AllocationStrategy.WEIGHTED_ROUND_ROBIN, northId), admin);
        rules.create(new RuleDefinition("כל שאר הלידים", List.of(), List.of(), null, null, northId,
                AllocationStrategy.ROUND_ROBIN, southId), admin);
        log.info("Loaded 4 demo allocation rules");
    }
}
