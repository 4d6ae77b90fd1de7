package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only activity timeline of leads. Rows are written with SQL: they are never updated,
 * and the database rejects any attempt to.
 */
@Service
public class Timeline {

    /** The insert of one entry, with its parameters in {@link Entry}'s order. */
    static final String INSERT_ENTRY = """
            insert into activity (lead_id, kind, outcome, note, actor_id, created_at, details)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Timeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Appends an entry.
     *
     * @param actorId the user who acted, or null for the system
     * @param details facts of the entry (status codes, task types and times), stored as JSON
     */
    public void record(long leadId, ActivityKind kind, CallOutcome outcome, String note, Long actorId, Instant at,
                       Map<String, ?> details) {
        Entry entry = entry(leadId, kind, outcome, note, actorId, at, details);
        jdbc.sql(INSERT_ENTRY)
                .params(entry.leadId(), entry.kind(), entry.outcome(), entry.note(), entry.actorId(),
                        Timestamp.from(entry.at()), entry.details())
                .update();
    }

    /**
     * Returns an entry ready for {@link #INSERT_ENTRY}, for a caller that sends it with other
     * statements ({@link OutcomeWrites}).
     */
    Entry entry(long leadId, ActivityKind kind, CallOutcome outcome, String note, Long actorId, Instant at,
                Map<String, ?> details) {
        return new Entry(leadId, kind.name(), outcome == null ? null : outcome.name(), note, actorId, at,
                json.writeValueAsString(details));
    }

    /** A timeline entry as its columns store it, the details as JSON text. */
    record Entry(long leadId, String kind, String outcome, String note, Long actorId, Instant at, String details) {
    }

    /** Appends the same entry to each of many leads, in one statement. */
    public void recordAll(Collection<Long> leadIds, ActivityKind kind, Long actorId, Instant at, Map<String, ?> details) {
        if (leadIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into activity (lead_id, kind, actor_id, created_at, details)
                        select lead_id, :kind, :actorId, :at, cast(:details as jsonb)
                        from unnest(cast(:leadIds as bigint[])) as lead_id
                        """)
                .param("leadIds", leadIds.toArray(Long[]::new))
                .param("kind", kind.name())
                .param("actorId", actorId)
                .param("at", Timestamp.from(at))
                .param("details", json.writeValueAsString(details))
                .update();
    }

    /** Returns a lead's entries, newest first. */
    public List<ActivityEntry> entries(long leadId) {
        return jdbc.sql("""
                        select a.id, a.kind, a.outcome, a.note, a.created_at, a.actor_id, u.display_name, a.details::text
                        from activity a left join app_user u on u.id = a.actor_id
                        where a.lead_id = :leadId
                        order by a.created_at desc, a.id desc
                        """)
                .param("leadId", leadId)
                .query((row, number) -> new ActivityEntry(
                        row.getLong("id"),
                        ActivityKind.valueOf(row.getString("kind")),
                        row.getString("outcome") == null ? null : CallOutcome.valueOf(row.getString("outcome")),
                        row.getString("note"),
                        row.getTimestamp("created_at").toInstant(),
                        (Long) row.getObject("actor_id"),
                        row.getString("display_name"),
                        readDetails(row.getString("details"))))
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readDetails(String text) {
        return text == null ? Map.of() : json.readValue(text, Map.class);
    }
}
