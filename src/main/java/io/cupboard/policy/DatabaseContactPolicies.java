package io.cupboard.policy;

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
}
