package io.cupboard.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cupboard.allocation.LeadAllocator;
import io.cupboard.lead.LeadAdmission;
import io.cupboard.lead.LeadArrival;
import io.cupboard.lead.LeadIntake;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns validated leads into leads: recognises re-deliveries by their delivery key, admits the
 * others through {@link LeadIntake} (create, merge, reopen or block), and allocates every created
 * or reopened lead, all in the caller's transaction.
 */
@Service
public class IntakeAdmissions {

    /** The first key of the advisory locks that serialize the same delivery key. */
    private static final int DELIVERY_LOCK_NAMESPACE = 7202;

    private final LeadIntake leadIntake;
    private final LeadAllocator allocator;
    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeAdmissions(LeadIntake leadIntake, LeadAllocator allocator, JdbcClient jdbc, Clock clock) {
        this.leadIntake = leadIntake;
        this.allocator = allocator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One validated lead on its way in.
     *
     * @param deliveryKey what identifies this delivery across files and requests (see {@link #externalIdKey}
     *                    and {@link #recordKey}), or null when nothing does
     * @param details     facts for the timeline entry, such as the batch and record number
     */
    public record Delivery(ValidLead lead, String deliveryKey, Map<String, Object> details) {
    }

    /**
     * The result of admitting one delivery.
     *
     * @param leadId the lead created, joined or reopened, or for a duplicate the lead of the first
     *               delivery; null when blocked
     * @param reason why a delivery was blocked, otherwise null
     */
    public record Outcome(Fate fate, Long leadId, RejectionReason reason) {
    }

    /** Returns the delivery key of a lead that its source identifies with its own id (Meta's {@code l:…}). */
    public static String externalIdKey(long sourceId, String externalId) {
        return "ext:" + sourceId + ":" + sha256(externalId);
    }

    /** Returns the delivery key of a file record without a source id: the checksum of its values. */
    public static String recordKey(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            String cleaned = ValueCleaner.clean(value);
            text.append(cleaned == null ? "" : cleaned).append('\u001F');
        }
        return "row:" + sha256(text.toString());
    }

    /**
     * Admits deliveries in order and returns one outcome each, in the same order.
     *
     * @param origin  what delivered them, for the timeline ({@code import}, {@code api})
     * @param actorId the importing user, or null for the API
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> admit(List<Delivery> deliveries, String origin, Long actorId) {
        Map<String, Long> delivered = deliveredBefore(deliveries);
        Map<String, Integer> firstInThisCall = new HashMap<>();
        List<LeadArrival> arrivals = new ArrayList<>();
        List<Integer> arrivalOf = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            String key = delivery.deliveryKey();
            if (key != null && (delivered.containsKey(key) || firstInThisCall.containsKey(key))) {
                arrivalOf.add(-1);
                continue;
            }
            if (key != null) {
                firstInThisCall.put(key, i);
            }
            arrivalOf.add(arrivals.size());
            arrivals.add(new LeadArrival(delivery.lead().contact(), delivery.lead().inquiredAt(), origin,
                    delivery.lead().note(), delivery.details()));
        }

        List<LeadAdmission> admissions = leadIntake.admit(arrivals, actorId);
        Set<Long> toAllocate = new LinkedHashSet<>();
        for (LeadAdmission admission : admissions) {
            if (admission.needsAllocation()) {
                toAllocate.add(admission.leadId());
            }
        }
        allocator.allocateAll(toAllocate);

        List<Outcome> outcomes = new ArrayList<>(deliveries.size());
        List<String> newKeys = new ArrayList<>();
        List<Long> newKeyLeads = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            int arrival = arrivalOf.get(i);
            if (arrival < 0) {
                String key = delivery.deliveryKey();
                Long leadId = delivered.containsKey(key) ? delivered.get(key) : outcomes.get(firstInThisCall.get(key)).leadId();
                outcomes.add(new Outcome(Fate.DUPLICATE, leadId, null));
                continue;
            }
            Outcome outcome = outcome(admissions.get(arrival));
            outcomes.add(outcome);
            if (delivery.deliveryKey() != null && outcome.leadId() != null) {
                newKeys.add(delivery.deliveryKey());
                newKeyLeads.add(outcome.leadId());
            }
        }
        if (!newKeys.isEmpty()) {
            jdbc.sql("""
                            insert into intake_delivery (delivery_key, lead_id, received_at)
                            select delivery_key, lead_id, :now
                            from unnest(cast(:keys as varchar[]), cast(:leadIds as bigint[])) as delivery(delivery_key, lead_id)
                            on conflict (delivery_key) do nothing
                            """)
                    .param("keys", newKeys.toArray(String[]::new))
                    .param("leadIds", newKeyLeads.toArray(Long[]::new))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
        return outcomes;
    }

    private static Outcome outcome(LeadAdmission admission) {
        return switch (admission.disposition()) {
            case CREATED -> new Outcome(Fate.IMPORTED, admission.leadId(), null);
            case MERGED -> new Outcome(Fate.MERGED, admission.leadId(), null);
            case REOPENED -> new Outcome(Fate.REOPENED, admission.leadId(), null);
            case BLOCKED_DO_NOT_CALL -> new Outcome(Fate.BLOCKED, null, RejectionReason.DO_NOT_CALL);
            case BLOCKED_REGISTRY -> new Outcome(Fate.BLOCKED, null, RejectionReason.REGISTRY);
        };
    }

    /**
     * Locks the deliveries' keys until the transaction ends, so the same delivery arriving twice at
     * once is admitted once, and returns the keys delivered before with their leads.
     */
    private Map<String, Long> deliveredBefore(List<Delivery> deliveries) {
        String[] keys = deliveries.stream().map(Delivery::deliveryKey).filter(key -> key != null).distinct().toArray(String[]::new);
        if (keys.length == 0) {
            return Map.of();
        }
        jdbc.sql("""
                        select count(*) from (
                            select pg_advisory_xact_lock(:namespace, key)
                            from (select distinct hashtext(value) as key from unnest(cast(:keys as text[])) value order by key) ordered
                        ) locked
                        """)
                .param("namespace", DELIVERY_LOCK_NAMESPACE)
                .param("keys", keys)
                .query(Long.class).single();
        Map<String, Long> delivered = new HashMap<>();
        jdbc.sql("select delivery_key, lead_id from intake_delivery where delivery_key = any(cast(:keys as varchar[]))")
                .param("keys", keys)
                .query(row -> {
                    delivered.put(row.getString("delivery_key"), row.getLong("lead_id"));
                });
        return delivered;
    }

    /** Returns the hex SHA-256 of a stream's bytes. */
    static String sha256Hex(java.io.InputStream input) throws java.io.IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
