package io.cupboard.lead;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extracts of Israel's national do-not-call registry. Each extract is the full list of registered
 * numbers on its date and replaces the previous one. Finishing an extract records the check on every
 * open outbound lead (see {@link RegistryRule}): a number absent from the extract gets the
 * extract's date as {@code registry_checked_at}, and a listed number loses its clearance, which
 * takes the lead out of the CUP.
 */
@Service
public class DoNotCallRegistry {

    private static final Logger log = LoggerFactory.getLogger(DoNotCallRegistry.class);
    private static final String SELECT_EXTRACT = """
            select id, extracted_on, file_name, number_count, invalid_count, uploaded_at from registry_extract
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ZoneId zone;
    private final Clock clock;

    DoNotCallRegistry(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ZoneId centerZone, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.zone = centerZone;
        this.clock = clock;
    }

    /**
     * One uploaded extract.
     *
     * @param checkedAt    the start of {@code extractedOn} in the center's zone: the check time it gives leads
     * @param numberCount  valid numbers in the file
     * @param invalidCount lines that held no valid number
     */
    public record Extract(long id, LocalDate extractedOn, Instant checkedAt, String fileName, int numberCount,
                          int invalidCount, Instant uploadedAt) {
    }

    /**
     * The changes that loading an extract made.
     *
     * @param cleared open outbound leads whose number was absent, now checked at the extract's date
     * @param listed  open outbound leads whose number was listed and lost their clearance
     */
    public record LoadResult(Extract extract, int cleared, int listed) {
    }

    /** Returns the extract with the latest date, whose numbers are the ones checked. */
    @Transactional(readOnly = true)
    public Optional<Extract> current() {
        return jdbc.sql(SELECT_EXTRACT + " order by extracted_on desc, id desc limit 1")
                .query((row, number) -> extract(row)).optional();
    }

    @Transactional(readOnly = true)
    public List<Extract> history(int limit) {
        return jdbc.sql(SELECT_EXTRACT + " order by extracted_on desc, id desc limit :limit")
                .param("limit", limit).query((row, number) -> extract(row)).list();
    }

    /**
     * Starts loading an extract; {@link #addNumbers} and {@link #finishExtract} complete it in the
     * same transaction, so a failed upload leaves nothing behind.
     *
     * @throws LeadRuleException when the extract is older than the current one ({@code registry.error.older})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long beginExtract(LocalDate extractedOn, String fileName, String checksum, Long actorId) {
        Optional<Extract> current = current();
        if (current.isPresent() && extractedOn.isBefore(current.get().extractedOn())) {
            throw new LeadRuleException("registry.error.older", "Registry extract of " + extractedOn
                    + " is older than the current one of " + current.get().extractedOn(), current.get().extractedOn());
        }
        return jdbc.sql("""
                        insert into registry_extract (extracted_on, file_name, checksum, uploaded_at, uploaded_by)
                        values (:date, :fileName, :checksum, :now, :actorId)
                        returning id
                        """)
                .param("date", extractedOn)
                .param("fileName", fileName)
                .param("checksum", checksum)
                .param("now", Timestamp.from(clock.instant()))
                .param("actorId", actorId)
                .query(Long.class).single();
    }

    /**
     * Adds numbers as the file gives them to an extract being loaded, and returns how many of them
     * are no valid phone number (a header, a note, a malformed number).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int addNumbers(long extractId, Collection<String> rawNumbers) {
        int invalid = 0;
        Set<String> valid = new HashSet<>();
        for (String raw : rawNumbers) {
            Optional<PhoneNumber> phone = PhoneNumber.tryParse(raw);
            if (phone.isPresent()) {
                valid.add(phone.get().e164());
            } else {
                invalid++;
            }
        }
        List<Object[]> rows = new ArrayList<>(valid.size());
        for (String phone : valid) {
            rows.add(new Object[] {extractId, phone});
        }
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("insert into registry_number (extract_id, phone_e164) values (?, ?) on conflict do nothing",
                    rows, new int[] {Types.BIGINT, Types.VARCHAR});
        }
        return invalid;
    }

    /**
     * Makes a loaded extract the current one and applies it to open outbound leads: a number absent
     * from it is checked at the extract's date, a listed number loses its clearance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LoadResult finishExtract(long extractId, int invalidCount, Long actorId) {
        Instant now = clock.instant();
        int valid = jdbc.sql("select count(*) from registry_number where extract_id = ?").param(extractId)
                .query(Integer.class).single();
        jdbc.sql("update registry_extract set number_count = :valid, invalid_count = :invalid where id = :id")
                .param("valid", valid).param("invalid", invalidCount).param("id", extractId).update();
        // Only the current extract's numbers are needed; older extracts keep their counts as history.
        jdbc.sql("delete from registry_number where extract_id <> ?").param(extractId).update();

        Extract extract = jdbc.sql(SELECT_EXTRACT + " where id = ?").param(extractId).query((row, number) -> extract(row)).single();
        int listed = revokeListed(extractId, extract.extractedOn(), now, actorId);
        int cleared = jdbc.sql("""
                        update lead l
                        set registry_checked_at = :checkedAt, version = l.version + 1
                        where l.consent_basis = 'OUTBOUND' and l.closed_at is null and l.phone_e164 is not null
                          and (l.registry_checked_at is null or l.registry_checked_at < :checkedAt)
                          and not exists (select 1 from registry_number r where r.extract_id = :extractId and r.phone_e164 = l.phone_e164)
                        """)
                .param("checkedAt", Timestamp.from(extract.checkedAt()))
                .param("extractId", extractId)
                .update();
        log.info("Registry extract {} of {} loaded: {} numbers, {} invalid lines; {} outbound leads cleared, {} listed",
                extractId, extract.extractedOn(), valid, invalidCount, cleared, listed);
        return new LoadResult(extract, cleared, listed);
    }

    /**
     * Returns the check an outbound lead with one of these numbers gets now: the current extract's
     * check time and which of the numbers it lists. Without any extract, nothing is listed and the
     * check time is null, so outbound leads stay out of the CUP until an extract is loaded.
     */
    @Transactional(readOnly = true)
    public Check check(Collection<String> phonesE164) {
        Optional<Extract> current = current();
        if (current.isEmpty()) {
            return new Check(null, Set.of());
        }
        Set<String> listed = phonesE164.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("""
                        select phone_e164 from registry_number
                        where extract_id = :extractId and phone_e164 = any(cast(:phones as varchar[]))
                        """)
                .param("extractId", current.get().id())
                .param("phones", phonesE164.toArray(String[]::new))
                .query(String.class).list());
        return new Check(current.get().checkedAt(), listed);
    }

    /**
     * The result of checking numbers against the current extract.
     *
     * @param checkedAt the check time of the current extract, or null when none was loaded
     * @param listed    the numbers the current extract lists
     */
    public record Check(Instant checkedAt, Set<String> listed) {

        public boolean isListed(String phoneE164) {
            return phoneE164 != null && listed.contains(phoneE164);
        }
    }

    private int revokeListed(long extractId, LocalDate extractedOn, Instant now, Long actorId) {
        List<Long> revoked = jdbc.sql("""
                        update lead l
                        set registry_checked_at = null, version = l.version + 1
                        where l.consent_basis = 'OUTBOUND' and l.closed_at is null
                          and exists (select 1 from registry_number r where r.extract_id = :extractId and r.phone_e164 = l.phone_e164)
                        returning l.id
                        """)
                .param("extractId", extractId)
                .query(Long.class).list();
        if (!revoked.isEmpty()) {
            jdbc.sql("""
                            insert into activity (lead_id, kind, actor_id, created_at, details)
                            select id, 'SYSTEM', :actorId, :now, jsonb_build_object('registry', 'LISTED', 'extractedOn', cast(:date as text))
                            from unnest(cast(:ids as bigint[])) id
                            """)
                    .param("actorId", actorId)
                    .param("now", Timestamp.from(now))
                    .param("date", extractedOn.toString())
                    .param("ids", revoked.toArray(Long[]::new))
                    .update();
        }
        return revoked.size();
    }

    private Instant checkedAt(LocalDate extractedOn) {
        return extractedOn.atStartOfDay(zone).toInstant();
    }

    private Extract extract(java.sql.ResultSet row) throws java.sql.SQLException {
        LocalDate date = row.getObject("extracted_on", LocalDate.class);
        return new Extract(row.getLong("id"), date, checkedAt(date), row.getString("file_name"), row.getInt("number_count"),
                row.getInt("invalid_count"), row.getTimestamp("uploaded_at").toInstant());
    }
}
