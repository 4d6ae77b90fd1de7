package io.cupboard.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Israel's do-not-call registry rule as CupBoard applies it. The center may call a lead when the
 * person inquired ({@link ConsentBasis#INBOUND}) or gave recorded consent ({@link ConsentBasis#CONSENT}).
 * An {@link ConsentBasis#OUTBOUND} lead (a cold list) may be called only when its number was found
 * absent from a registry extract dated within the last 15 days. {@code lead.registry_checked_at}
 * stores that date, and it is null when the number was never checked or was listed at the last check.
 */
public final class RegistryRule {

    /** How long a registry check stays valid. */
    public static final Duration VALIDITY = Duration.ofDays(15);

    /** The named parameter that {@link #callableSql(String)} needs: bind it to {@link #checkedSince(Instant)}. */
    public static final String CHECKED_SINCE_PARAMETER = "registryCheckedSince";

    private static final Pattern ALIAS = Pattern.compile("[a-z_][a-z0-9_]*");

    private RegistryRule() {
    }

    /**
     * Returns an SQL condition that is true for the leads the center may call under the registry
     * rule, for the lead table under the given alias. For example, {@code callableSql("l")} returns
     * {@code (l.consent_basis <> 'OUTBOUND' or l.registry_checked_at >= :registryCheckedSince)}.
     */
    public static String callableSql(String leadAlias) {
        if (!ALIAS.matcher(leadAlias).matches()) {
            throw new IllegalArgumentException("Not an SQL table alias: " + leadAlias);
        }
        return "(" + leadAlias + ".consent_basis <> 'OUTBOUND' or " + leadAlias + ".registry_checked_at >= :"
                + CHECKED_SINCE_PARAMETER + ")";
    }

    /** Returns the oldest registry check that still allows a call at the given time. */
    public static Instant checkedSince(Instant now) {
        return now.minus(VALIDITY);
    }

    public static boolean isCallable(ConsentBasis basis, Instant registryCheckedAt, Instant now) {
        return basis != ConsentBasis.OUTBOUND
                || (registryCheckedAt != null && !registryCheckedAt.isBefore(checkedSince(now)));
    }

    public static boolean isCallable(Lead lead, Instant now) {
        return isCallable(lead.getConsentBasis(), lead.getRegistryCheckedAt(), now);
    }
}
