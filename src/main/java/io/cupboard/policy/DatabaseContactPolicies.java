package io.cupboard.policy;

import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.ContactPolicy;
import io.cupboard.lead.LeadType;
import io.cupboard.shared.SettingsCache;
import io.cupboard.shared.SettingsCacheProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin's contact policies from the database: the policy for the lead's source when there is
 * one, otherwise its lead type's policy for every source. Every call outcome reads one, so they
 * are kept in memory, and {@link ContactPolicySettings} drops them when the admin changes a policy.
 */
@Component
class DatabaseContactPolicies implements ContactPolicies {

    private final PolicyStore store;
    private final SettingsCache<Key, ContactPolicy> policies;
    /** Transaction that reads a policy and its steps in one snapshot, opened only on a miss because the CUP page reads a policy per row. */
    private final TransactionTemplate readOnly;

    DatabaseContactPolicies(PolicyStore store, SettingsCacheProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.policies = new SettingsCache<>(properties);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public ContactPolicy policyFor(LeadType type, String source) {
        return policies.get(new Key(type, source), key -> readOnly.execute(status -> store.find(key.type(), key.source())
                .map(StoredPolicy::toContactPolicy)
                // The migrations create one policy per lead type and the admin pages cannot delete it.
                .orElseThrow(() -> new IllegalStateException("No contact policy for lead type " + type))));
    }

    /** Drops every cached policy when the admin's transaction ends. */
    void invalidateAfterTransaction() {
        policies.invalidateAfterTransaction();
    }

    /** The source as the lead has it: the store compares sources without case. */
    private record Key(LeadType type, String source) {
    }
}
