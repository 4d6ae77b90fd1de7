package io.cupboard.lead;

/**
 * The lead does not exist or the user may not see it. Both answer the same 404, so an id tells
 * nobody whether another agent's lead exists.
 */
public class LeadNotFoundException extends RuntimeException {

    public LeadNotFoundException(Long leadId) {
        super("Lead " + leadId + " not found or not visible to the user");
    }
}
