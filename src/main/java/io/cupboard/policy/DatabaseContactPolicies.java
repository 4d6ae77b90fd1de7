package io.cupboard.policy;

import java.util.EnumMap;
import java.util.Map;

import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.ContactPolicy;
import io.cupboard.lead.LeadType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's contact policies from the database: the policy for the lead's source when there is
 * one, otherwise its lead type's policy for every source.
 */
@Component
class DatabaseContactPolicies implements ContactPolicies {

    private final PolicyStore store;

    DatabaseContactPolicies(PolicyStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public ContactPolicy policyFor(LeadType type, String source) {
        return store.find(type, source)
                .map(StoredPolicy::toContactPolicy)
                // The migrations create one policy per lead type and the admin pages cannot delete it.
                .orElseThrow(() -> new IllegalStateException("No contact policy for lead type " + type));
    }

    /** Reads the maximum attempts of the lead types' policies for every source in one statement. */
    @Override
    @Transactional(readOnly = true)
    public Map<LeadType, Integer> maxAttemptsByType() {
        Map<LeadType, Integer> maxAttempts = new EnumMap<>(LeadType.class);
        store.maxAttemptsForEverySource().forEach((type, attempts) -> maxAttempts.put(type, attempts));
        for (LeadType type : LeadType.values()) {
            if (!maxAttempts.containsKey(type)) {
                throw new IllegalStateException("No contact policy for lead type " + type);
            }
        }
        return maxAttempts;
    }
}
