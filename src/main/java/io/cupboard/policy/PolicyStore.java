package io.cupboard.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;
import io.cupboard.policy.StoredPolicy.FollowUpCadence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code contact_policy} with its retry steps and follow-up cadences.
 */
@Repository
class PolicyStore {

    private static final String SELECT_POLICY = """
            select p.id, p.version, p.lead_type, p.source, p.first_contact_minutes, p.max_attempts, p.attempts_end,
                   p.max_waves, p.second_wave_team_id, p.unreachable_reason_id, r.code as reason_code, p.updated_at
            from contact_policy p
            join disqualification_reason r on r.id = p.unreachable_reason_id
            """;

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns the policy for a lead type and source: the one for that source if there is one
     * (compared without case), otherwise the lead type's policy for every source.
     */
    Optional<StoredPolicy> find(LeadType type, String source) {
        List<Row> rows = jdbc.sql(SELECT_POLICY + """
                        where p.lead_type = :type and (p.source is null or lower(p.source) = lower(:source))
                        order by p.source is null
                        limit 1
                        """)
                .param("type", type.name())
                .param("source", source)
                .query(PolicyStore::row)
                .list();
        return complete(rows).stream().findFirst();
    }

    Optional<StoredPolicy> byId(long id) {
        return complete(jdbc.sql(SELECT_POLICY + " where p.id = :id").param("id", id).query(PolicyStore::row).list())
                .stream().findFirst();
    }

    /** Returns every policy by lead type, each type's policy for every source first. */
    List<StoredPolicy> all() {
        return complete(jdbc.sql(SELECT_POLICY + " order by p.lead_type, p.source nulls first, p.id").query(PolicyStore::row).list());
    }

    boolean exists(LeadType type, String source, Long exceptId) {
        return jdbc.sql("""
                        select count(*) from contact_policy
                        where lead_type = :type and lower(coalesce(source, '')) = lower(coalesce(:source, ''))
                          and (cast(:exceptId as bigint) is null or id <> :exceptId)
                        """)
                .param("type", type.name())
                .param("source", source)
                .param("exceptId", exceptId)
                .query(Long.class)
                .single() > 0;
    }

    long insert(ValidPolicy policy, Long actorId, Instant at) {
        long id = jdbc.sql("""
                        insert into contact_policy (lead_type, source, first_contact_minutes, max_attempts, attempts_end,
                            max_waves, second_wave_team_id, unreachable_reason_id, updated_at, updated_by)
                        values (:type, :source, :firstContact, :maxAttempts, :end, :maxWaves, :teamId, :reasonId, :at, :actorId)
                        returning id
                        """)
                .params(columns(policy, actorId, at))
                .query(Long.class)
                .single();
        insertChildren(id, policy);
        return id;
    }

    /** Updates a policy when its stored version is still {@code version}; returns whether it was. */
    boolean update(long id, int version, ValidPolicy policy, Long actorId, Instant at) {
        Map<String, Object> columns = columns(policy, actorId, at);
        columns.put("id", id);
        columns.put("version", version);
        int updated = jdbc.sql("""
                        update contact_policy set lead_type = :type, source = :source, first_contact_minutes = :firstContact,
                            max_attempts = :maxAttempts, attempts_end = :end, max_waves = :maxWaves, second_wave_team_id = :teamId,
                            unreachable_reason_id = :reasonId, updated_at = :at, updated_by = :actorId, version = version + 1
                        where id = :id and version = :version
                        """)
                .params(columns)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from contact_policy_retry_step where policy_id = ?").param(id).update();
        jdbc.sql("delete from contact_policy_follow_up where policy_id = ?").param(id).update();
        insertChildren(id, policy);
        return true;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from contact_policy where id = ? and version = ?").params(id, version).update() > 0;
    }

    private void insertChildren(long id, ValidPolicy policy) {
        for (int i = 0; i < policy.retrySchedule().size(); i++) {
            RetryStep step = policy.retrySchedule().get(i);
            jdbc.sql("insert into contact_policy_retry_step (policy_id, position, kind, amount) values (?, ?, ?, ?)")
                    .params(id, i + 1, step.kind().name(), step.amount())
                    .update();
        }
        policy.followUps().forEach((statusId, delays) -> {
            for (int i = 0; i < delays.size(); i++) {
                jdbc.sql("insert into contact_policy_follow_up (policy_id, status_id, position, delay_minutes) values (?, ?, ?, ?)")
                        .params(id, statusId, i + 1, delays.get(i))
                        .update();
            }
        });
    }

    private static Map<String, Object> columns(ValidPolicy policy, Long actorId, Instant at) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("type", policy.leadType().name());
        columns.put("source", policy.source());
        columns.put("firstContact", policy.firstContactMinutes());
        columns.put("maxAttempts", policy.maxAttempts());
        columns.put("end", policy.attemptsEnd().name());
        columns.put("maxWaves", policy.maxWaves());
        columns.put("teamId", policy.secondWaveTeamId());
        columns.put("reasonId", policy.unreachableReasonId());
        columns.put("at", Timestamp.from(at));
        columns.put("actorId", actorId);
        return columns;
    }

    /** Loads the retry steps and cadences of the policies read, two queries for all of them. */
    private List<StoredPolicy> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<RetryStep>> steps = new LinkedHashMap<>();
        jdbc.sql("select policy_id, kind, amount from contact_policy_retry_step where policy_id in (:ids) order by policy_id, position")
                .param("ids", ids)
                .query((row, number) -> Map.entry(row.getLong(1), new RetryStep(RetryStep.Kind.valueOf(row.getString(2)), row.getInt(3))))
                .list()
                .forEach(entry -> steps.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        Map<Long, Map<Long, FollowUpCadenceBuilder>> cadences = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.policy_id, f.status_id, s.code, f.delay_minutes
                        from contact_policy_follow_up f join lead_status s on s.id = f.status_id
                        where f.policy_id in (:ids)
                        order by f.policy_id, s.sort_order, s.id, f.position
                        """)
                .param("ids", ids)
                .query((row, number) -> new FollowUpRow(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4)))
                .list()
                .forEach(delay -> cadences.computeIfAbsent(delay.policyId(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(delay.statusId(), key -> new FollowUpCadenceBuilder(key, delay.statusCode()))
                        .delays().add(delay.delayMinutes()));
        return rows.stream().map(row -> new StoredPolicy(row.id(), row.version(), row.leadType(), row.source(),
                        row.firstContactMinutes(), steps.getOrDefault(row.id(), List.of()), row.maxAttempts(), row.attemptsEnd(),
                        row.maxWaves(), row.secondWaveTeamId(), row.unreachableReasonId(), row.unreachableReasonCode(),
                        cadences.getOrDefault(row.id(), Map.of()).values().stream().map(FollowUpCadenceBuilder::build).toList(),
                        row.updatedAt()))
                .toList();
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(row.getLong("id"), row.getInt("version"), LeadType.valueOf(row.getString("lead_type")), row.getString("source"),
                row.getInt("first_contact_minutes"), row.getInt("max_attempts"), AttemptsEnd.valueOf(row.getString("attempts_end")),
                row.getInt("max_waves"), (Long) row.getObject("second_wave_team_id"), row.getLong("unreachable_reason_id"),
                row.getString("reason_code"), row.getTimestamp("updated_at").toInstant());
    }

    private record Row(long id, int version, LeadType leadType, String source, int firstContactMinutes, int maxAttempts,
                       AttemptsEnd attemptsEnd, int maxWaves, Long secondWaveTeamId, long unreachableReasonId,
                       String unreachableReasonCode, Instant updatedAt) {
    }

    private record FollowUpRow(long policyId, long statusId, String statusCode, int delayMinutes) {
    }

    private record FollowUpCadenceBuilder(long statusId, String statusCode, List<Integer> delays) {

        FollowUpCadenceBuilder(long statusId, String statusCode) {
            this(statusId, statusCode, new ArrayList<>());
        }

        FollowUpCadence build() {
            return new FollowUpCadence(statusId, statusCode, delays);
        }
    }
}
