package io.cupboard.cup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.cupboard.lead.LeadType;
import io.cupboard.lead.RegistryRule;
import io.cupboard.lead.TaskType;
import io.cupboard.shared.RowRead;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    /** The agent's open tasks due after today, computed once per statement (PostgreSQL's init plan). */
    private static final String LATER_COUNT =
            "(select count(*) from task where owner_id = :agent and state = 'OPEN' and due_at >= :endOfToday)";

    /** The position of the later count, after the seventeen columns of {@link #ITEMS}. */
    private static final int LATER_COUNT_COLUMN = 18;

    private static final String ORDER = """
            order by section,
                     case when section = 1 then due_at end,
                     case when section = 2 then created_at end,
                     class_rank, due_at, task_id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate statements;
    private final CupProperties properties;

    CupQuery(JdbcClient jdbc, NamedParameterJdbcTemplate statements, CupProperties properties) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.properties = properties;
    }

    /**
     * Returns the agent's tasks due by the end of today in CUP order, the count of those due later,
     * and the row of another module's select. All three come in one round trip: the later count as
     * a column of every row, the other select as a second statement. Only an empty CUP needs a
     * second round trip, for the later count.
     */
    <T> Due<T> due(long agentId, Instant now, Instant endOfToday, Collection<TaskType> focus, RowRead<T> alongside) {
        MapSqlParameterSource parameters = parameters(agentId, now, endOfToday, focus).addValues(alongside.parameters());
        String sql = "select cup.*, " + LATER_COUNT + " as later_count from (" + ITEMS + ") as cup " + ORDER + ";\n"
                + alongside.sql();
        Due<T> due = statements.execute(sql, parameters, (PreparedStatement statement) -> {
            statement.execute();
            List<CupItem> items = new ArrayList<>();
            long later = -1;
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    later = rows.getLong(LATER_COUNT_COLUMN);
                    items.add(item(rows, items.size()));
                }
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("The result of the select sent with the CUP query is missing: " + alongside.sql());
            }
            try (ResultSet row = statement.getResultSet()) {
                return new Due<>(items, later, alongside.read(row));
            }
        });
        return due.items().isEmpty() ? new Due<>(due.items(), laterCount(agentId, endOfToday), due.alongside()) : due;
    }

    /**
     * An agent's tasks due by the end of today, in CUP order, the number due after today, and the
     * row of the select sent with them.
     */
    record Due<T>(List<CupItem> items, long laterCount, T alongside) {
    }

    /** Returns the first task the agent should work now, if any. */
    Optional<CupItem> firstActionable(long agentId, Instant now, Instant endOfToday, Collection<TaskType> focus) {
        return jdbc.sql("select * from (" + ITEMS + ") as cup where actionable " + ORDER + " limit 1")
                .paramSource(parameters(agentId, now, endOfToday, focus))
                .query(CupQuery::item).optional();
    }

    /** Counts the agent's open tasks due after today, which the CUP shows only as a number. */
    long laterCount(long agentId, Instant endOfToday) {
        return jdbc.sql("select count(*) from task where owner_id = :agent and state = 'OPEN' and due_at >= :endOfToday")
                .param("agent", agentId)
                .param("endOfToday", Timestamp.from(endOfToday))
                .query(Long.class).single();
    }

    private MapSqlParameterSource parameters(long agentId, Instant now, Instant endOfToday, Collection<TaskType> focus) {
        return new MapSqlParameterSource()
                .addValue("agent", agentId)
                .addValue("now", Timestamp.from(now))
                .addValue("endOfToday", Timestamp.from(endOfToday))
                .addValue("callbackFrom", Timestamp.from(now.minus(properties.callbackWindowAfter())))
                .addValue("callbackTo", Timestamp.from(now.plus(properties.callbackWindowBefore())))
                .addValue("focus", focus.stream().map(Enum::name).toArray(String[]::new))
                .addValue("lift", properties.segmentLift())
                .addValue(RegistryRule.CHECKED_SINCE_PARAMETER, Timestamp.from(RegistryRule.checkedSince(now)));
    }

    /**
     * Reads a row by column position, in the order of the select list of {@link #ITEMS} (column 13,
     * the lead's creation time, only sorts). Read by label, the driver looked each label up in a
     * hash map for every cell, about a quarter of the time spent reading the CUP in a profile.
     */
    private static CupItem item(ResultSet row, int number) throws SQLException {
        Timestamp sla = row.getTimestamp(4);
        return new CupItem(
                row.getLong(1),
                TaskType.valueOf(row.getString(2)),
                row.getTimestamp(3).toInstant(),
                sla == null ? null : sla.toInstant(),
                row.getLong(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                LeadType.valueOf(row.getString(9)),
                row.getString(10),
                row.getLong(11),
                row.getInt(12),
                CupSection.values()[row.getInt(14) - 1],
                row.getInt(15),
                row.getBoolean(16),
                row.getBoolean(17));
    }
}
