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
        jdbc.sql("""
                        insert into activity (lead_id, kind, outcome, note, actor_id, created_at, details)
                        values (:leadId, :kind, :outcome, :note, :actorId, :at, cast(:details as jsonb))
                        """)
                .param("leadId", leadId)
                .param("kind", kind.name())
                .param("outcome", outcome == null ? null : outcome.name())
                .param("note", note)
                .param("actorId", actorId)
                .param("at", Timestamp.from(at))
                .param("details", json.writeValueAsString(details))
                .update();
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
