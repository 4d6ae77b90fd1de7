package io.cupboard.lead;

import org.springframework.stereotype.Component;

/**
 * One policy for every lead type and source, from {@code cupboard.contact-policy.*}.
 */
@Component
class DefaultContactPolicies implements ContactPolicies {

    private final ContactPolicy policy;

    DefaultContactPolicies(DefaultContactPolicyProperties properties) {
        this.policy = properties.toPolicy();
    }

    @Override
    public ContactPolicy policyFor(LeadType type, String source) {
        return policy;
    }
}
