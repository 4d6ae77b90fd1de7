package io.cupboard.cup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.cupboard.lead.LeadType;
import io.cupboard.lead.RegistryRule;
import io.cupboard.lead.TaskType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CUP order as one SQL statement over the agent's open tasks, using the partial index on
 * (owner, state, due time). The database sorts; Java only groups the rows into sections.
 */
@Component
class CupQuery {

    private static final String ITEMS = """
            select t.id as task_id, t.type, t.due_at, t.sla_deadline_at, l.id as lead_id, l.full_name, l.phone_e164,
                   l.phone_display, l.type as lead_type, l.source as lead_source, l.status_id, l.attempt_count, l.created_at,
                   c.section, c.class_rank, c.lifted,
                   case c.section
                       when 2 then t.due_at <= :now
                       when 4 then t.type in ('FOLLOW_UP', 'FIRST_CONTACT')
                       else true end as actionable
            from task t
            join lead l on l.id = t.lead_id
            join lead_status s on s.id = l.status_id
            left join priority_rule p on p.lead_type = l.type and p.status_id = l.status_id
            cross join lateral (
                select case
                           when t.type = 'CALLBACK' and t.due_at between :callbackFrom and :callbackTo then 1
                           when t.type = 'FIRST_CONTACT' and t.sla_deadline_at >= :now then 2
                           when t.due_at < :now then 3
                           else 4
                       end as section,
                       coalesce(p.rank, s.priority_rank) - case when t.type = any(:focus) then :lift else 0 end as class_rank,
                       t.type = any(:focus) as lifted
            ) as c
            where t.owner_id = :agent and t.state = 'OPEN' and t.due_at < :endOfToday
              and """ + RegistryRule.callableSql("l") + "\n";

    private static final String ORDER = """
            order by section,
                     case when section = 1 then due_at end,
                     case when section = 2 then created_at end,
                     class_rank, due_at, task_id
            """;

    private final JdbcClient jdbc;
    private final CupProperties properties;

    CupQuery(JdbcClient jdbc, CupProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Returns the agent's tasks due by the end of today in CUP order. */
    List<CupItem> items(long agentId, Instant now, Instant endOfToday, Collection<TaskType> focus) {
        return statement("select * from (" + ITEMS + ") as cup " + ORDER, agentId, now, endOfToday, focus)
                .query(CupQuery::item).list();
    }

    /** Returns the first task the agent should work now, if any. */
    Optional<CupItem> firstActionable(long agentId, Instant now, Instant endOfToday, Collection<TaskType> focus) {
        return statement("select * from (" + ITEMS + ") as cup where actionable " + ORDER + " limit 1",
                agentId, now, endOfToday, focus)
                .query(CupQuery::item).optional();
    }

    /** Counts the agent's open tasks due after today, which the CUP shows only as a number. */
    long laterCount(long agentId, Instant endOfToday) {
        return jdbc.sql("select count(*) from task where owner_id = :agent and state = 'OPEN' and due_at >= :endOfToday")
                .param("agent", agentId)
                .param("endOfToday", Timestamp.from(endOfToday))
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec statement(String sql, long agentId, Instant now, Instant endOfToday,
                                               Collection<TaskType> focus) {
        return jdbc.sql(sql)
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .param("endOfToday", Timestamp.from(endOfToday))
                .param("callbackFrom", Timestamp.from(now.minus(properties.callbackWindowAfter())))
                .param("callbackTo", Timestamp.from(now.plus(properties.callbackWindowBefore())))
                .param("focus", focus.stream().map(Enum::name).toArray(String[]::new))
                .param("lift", properties.segmentLift())
                .param(RegistryRule.CHECKED_SINCE_PARAMETER, Timestamp.from(RegistryRule.checkedSince(now)));
    }

    private static CupItem item(ResultSet row, int number) throws SQLException {
        Timestamp sla = row.getTimestamp("sla_deadline_at");
        return new CupItem(
                row.getLong("task_id"),
                TaskType.valueOf(row.getString("type")),
                row.getTimestamp("due_at").toInstant(),
                sla == null ? null : sla.toInstant(),
                row.getLong("lead_id"),
                row.getString("full_name"),
                row.getString("phone_e164"),
                row.getString("phone_display"),
                LeadType.valueOf(row.getString("lead_type")),
                row.getString("lead_source"),
                row.getLong("status_id"),
                row.getInt("attempt_count"),
                CupSection.values()[row.getInt("section") - 1],
                row.getInt("class_rank"),
                row.getBoolean("lifted"),
                row.getBoolean("actionable"));
    }
}
