package io.cupboard.lead;

import java.util.EnumMap;
import java.util.Map;

/**
 * Finds the contact policy that applies to a lead, by its type and source.
 */
public interface ContactPolicies {

    ContactPolicy policyFor(LeadType type, String source);

    default ContactPolicy policyFor(Lead lead) {
        return policyFor(lead.getType(), lead.getSource());
    }

    /**
     * Returns the maximum attempts of each lead type's policy for every source, for pages that show
     * "attempt 2 of 5" on many leads at once.
     */
    default Map<LeadType, Integer> maxAttemptsByType() {
        Map<LeadType, Integer> maxAttempts = new EnumMap<>(LeadType.class);
        for (LeadType type : LeadType.values()) {
            maxAttempts.put(type, policyFor(type, null).maxAttempts());
        }
        return maxAttempts;
    }
}
