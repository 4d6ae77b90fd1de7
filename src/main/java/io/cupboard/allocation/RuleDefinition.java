package io.cupboard.allocation;

import java.util.List;

import io.cupboard.lead.LeadType;

/**
 * What an admin sets on an allocation rule.
 *
 * @param sources          lead sources the rule matches, compared case-insensitively; empty for every source
 * @param campaigns        campaigns the rule matches, compared case-insensitively; empty for every campaign
 * @param leadType         the lead type the rule matches, or null for every type
 * @param language         the preferred language (ISO 639 code) the rule matches, or null for every
 *                         language. When set, only agents who speak it get the rule's leads.
 * @param secondWaveTeamId the team that receives the leads in their next wave, or null for the same team
 */
public record RuleDefinition(String name, List<String> sources, List<String> campaigns, LeadType leadType,
                             String language, Long teamId, AllocationStrategy strategy, Long secondWaveTeamId) {

    public RuleDefinition {
        sources = sources == null ? List.of() : List.copyOf(sources);
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }
}
