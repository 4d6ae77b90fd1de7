package io.cupboard.allocation;

import java.util.List;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.ConsentBasis;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.support.Fixtures;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds allocation test data: rules that match only this scenario's own lead source, so rules of
 * other tests in the shared database never decide these leads, and leads created and allocated
 * in one transaction as intake does.
 */
final class AllocationScenario {

    final String source = Fixtures.unique("source");

    private final Fixtures fixtures;
    private final AllocationRules rules;
    private final LeadRegistration registration;
    private final LeadAllocator allocator;
    private final UserRepository users;
    private final TransactionTemplate transaction;
    private final CurrentUser admin;

    AllocationScenario(Fixtures fixtures, AllocationRules rules, LeadRegistration registration, LeadAllocator allocator,
                       UserRepository users, TransactionTemplate transaction) {
        this.fixtures = fixtures;
        this.rules = rules;
        this.registration = registration;
        this.allocator = allocator;
        this.users = users;
        this.transaction = transaction;
        this.admin = fixtures.signedIn(fixtures.user(Role.ADMIN, null));
    }

    CurrentUser admin() {
        return admin;
    }

    AllocationRule rule(Team team, AllocationStrategy strategy) {
        return rule(new RuleDefinition(Fixtures.unique("rule"), List.of(source), List.of(), null, null, team.getId(), strategy, null));
    }

    AllocationRule rule(RuleDefinition definition) {
        return rules.create(definition, admin);
    }

    /** Creates an agent who has opened today's work day, so allocation counts them as present. */
    User agent(Team team, int weight, int capacity) {
        User agent = fixtures.agent(team);
        agent.changeCapacity(capacity, weight);
        fixtures.openDay(agent);
        return users.saveAndFlush(agent);
    }

    User agent(Team team, int weight, int capacity, List<String> languages) {
        User agent = agent(team, weight, capacity);
        agent.changeLanguages(languages);
        return users.saveAndFlush(agent);
    }

    /** Creates a lead from this scenario's source and allocates it in the same transaction. */
    LeadAllocator.Allocation newLead() {
        return newLead(source, null, "he", LeadType.NEW);
    }

    LeadAllocator.Allocation newLead(String leadSource, String campaign, String language, LeadType type) {
        LeadContact contact = new LeadContact("ליד בדיקה", Fixtures.uniquePhone(), null, null, null, language, leadSource,
                campaign, null, ConsentBasis.INBOUND);
        return transaction.execute(status -> allocator.allocate(registration.register(contact, type, "test", null).getId()));
    }

    /** Creates leads of the given sources and allocates them together in one transaction, as an import does. */
    List<LeadAllocator.Allocation> newLeads(String... leadSources) {
        return transaction.execute(status -> {
            List<Long> ids = new java.util.ArrayList<>();
            for (String leadSource : leadSources) {
                LeadContact contact = new LeadContact("ליד בדיקה", Fixtures.uniquePhone(), null, null, null, "he", leadSource,
                        null, null, ConsentBasis.INBOUND);
                ids.add(registration.register(contact, LeadType.NEW, "test", null).getId());
            }
            return allocator.allocateAll(ids);
        });
    }
}
