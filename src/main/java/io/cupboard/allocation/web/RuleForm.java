package io.cupboard.allocation.web;

import java.util.Arrays;
import java.util.List;

import io.cupboard.allocation.AllocationRule;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.allocation.RuleDefinition;
import io.cupboard.lead.LeadType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The admin's allocation rule form. Sources and campaigns are typed as comma-separated lists.
 *
 * @param leadType         null for every lead type
 * @param secondWaveTeamId null for the rule's own team
 */
record RuleForm(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String sources, @Size(max = 4000) String campaigns,
                LeadType leadType, @Size(max = 10) String language, @NotNull Long teamId, @NotNull AllocationStrategy strategy,
                Long secondWaveTeamId, Integer version) {

    static RuleForm empty() {
        return new RuleForm("", "", "", null, "", null, AllocationStrategy.ROUND_ROBIN, null, 0);
    }

    static RuleForm of(AllocationRule rule) {
        return new RuleForm(rule.getName(), String.join(", ", rule.getSources()), String.join(", ", rule.getCampaigns()),
                rule.getLeadType(), rule.getLanguage(), rule.getTeamId(), rule.getStrategy(), rule.getSecondWaveTeamId(),
                rule.getVersion());
    }

    RuleDefinition toDefinition() {
        return new RuleDefinition(name, split(sources), split(campaigns), leadType, language, teamId, strategy, secondWaveTeamId);
    }

    private static List<String> split(String values) {
        return values == null ? List.of() : Arrays.stream(values.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
