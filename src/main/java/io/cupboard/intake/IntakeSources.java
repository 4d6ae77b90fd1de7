package io.cupboard.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.cupboard.lead.LeadSourceNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake sources that the admin manages, and the column mapping each one remembers.
 */
@Service
public class IntakeSources implements LeadSourceNames {

    /** Lower-case letters, digits, dashes and underscores, starting with a letter. */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{1,39}");

    private static final String SELECT = """
            select id, code, name, direction, active, field_mapping::text as field_mapping, created_at, version
            from intake_source
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IntakeSources(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Creates a source.
     *
     * @throws IntakeRuleException when the code is malformed or taken
     */
    @Transactional
    public IntakeSource create(String code, String name, IntakeSource.Direction direction, Long actorId) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IntakeRuleException("intake.source.error.code", "Invalid source code");
        }
        try {
            long id = jdbc.sql("""
                            insert into intake_source (code, name, direction, created_at, created_by)
                            values (:code, :name, :direction, :now, :actorId)
                            returning id
                            """)
                    .param("code", code)
                    .param("name", name.strip())
                    .param("direction", direction.name())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("actorId", actorId)
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new IntakeRuleException("intake.source.error.codeTaken", "Source code " + code + " exists", code);
        }
    }

    /** Changes a source's name, direction and state; a stale version is rejected. */
    @Transactional
    public void update(long id, int version, String name, IntakeSource.Direction direction, boolean active) {
        int updated = jdbc.sql("""
                        update intake_source set name = :name, direction = :direction, active = :active, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("name", name.strip())
                .param("direction", direction.name())
                .param("active", active)
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new IntakeRuleException("intake.source.error.stale", "Source " + id + " changed or is missing");
        }
    }

    @Transactional(readOnly = true)
    public Optional<IntakeSource> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::source).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> nameOf(String code) {
        return code == null ? Optional.empty() : findByCode(code).map(IntakeSource::name);
    }

    @Transactional(readOnly = true)
    public Optional<IntakeSource> findByCode(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(this::source).optional();
    }

    @Transactional(readOnly = true)
    public List<IntakeSource> all() {
        return jdbc.sql(SELECT + " order by active desc, name, id").query(this::source).list();
    }

    @Transactional(readOnly = true)
    public List<IntakeSource> active() {
        return jdbc.sql(SELECT + " where active order by name, id").query(this::source).list();
    }

    /** Returns the source's API submissions since a time, counted by fate. */
    @Transactional(readOnly = true)
    public Map<Fate, Long> submissionCounts(long sourceId, java.time.Instant since) {
        Map<Fate, Long> counts = new EnumMap<>(Fate.class);
        jdbc.sql("select fate, count(*) as submissions from intake_submission where source_id = ? and received_at >= ? group by fate")
                .params(sourceId, Timestamp.from(since))
                .query(row -> {
                    counts.put(Fate.valueOf(row.getString("fate")), row.getLong("submissions"));
                });
        return counts;
    }

    /** Remembers the header names of a mapping, so the next file of the source gets it proposed. */
    @Transactional
    public void rememberMapping(long sourceId, Map<LeadField, String> headersByField) {
        Map<String, String> stored = new LinkedHashMap<>();
        headersByField.forEach((field, header) -> stored.put(field.name(), header));
        jdbc.sql("update intake_source set field_mapping = cast(:mapping as jsonb) where id = :id")
                .param("mapping", json.writeValueAsString(stored))
                .param("id", sourceId)
                .update();
    }

    private IntakeSource source(ResultSet row, int number) throws SQLException {
        Map<String, String> stored = json.readValue(row.getString("field_mapping"), new TypeReference<Map<String, String>>() {
        });
        Map<LeadField, String> mapping = new EnumMap<>(LeadField.class);
        stored.forEach((field, header) -> {
            try {
                mapping.put(LeadField.valueOf(field), header);
            } catch (IllegalArgumentException removedField) {
                // A field that no longer exists is forgotten.
            }
        });
        return new IntakeSource(row.getLong("id"), row.getString("code"), row.getString("name"),
                IntakeSource.Direction.valueOf(row.getString("direction")), row.getBoolean("active"), Map.copyOf(mapping),
                row.getTimestamp("created_at").toInstant(), row.getInt("version"));
    }
}
