package io.cupboard.lead;

/**
 * Finds the contact policy that applies to a lead, by its type and source.
 */
public interface ContactPolicies {

    ContactPolicy policyFor(LeadType type, String source);

    default ContactPolicy policyFor(Lead lead) {
        return policyFor(lead.getType(), lead.getSource());
    }
}
