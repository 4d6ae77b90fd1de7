package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cupboard.calendar.BusinessCalendar;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admits leads that arrive from imports and the intake API. An arrival whose number (or e-mail)
 * matches an open lead becomes a new inquiry on that lead's timeline; one that matches a closed
 * lead reopens it as RENEWED with a FIRST_CONTACT task; any other becomes a new lead in status NEW
 * with a FIRST_CONTACT task and its SLA deadline, as {@link LeadRegistration#register} creates it.
 * Numbers on the do-not-call list, and outbound numbers listed in the national registry, are blocked.
 *
 * <p>New leads, their tasks and timeline entries are written with one statement each per call, so
 * an import of 100,000 rows does not pay for an entity round trip per lead. The caller allocates created and reopened leads in the same transaction.
 */
@Service
public class LeadIntake {

    /** The first key of the advisory locks that serialize intake of the same phone or e-mail. */
    private static final int CONTACT_LOCK_NAMESPACE = 7201;

    /** New leads in one statement: a multi-row insert from arrays is many times faster than a JDBC batch. */
    private static final String INSERT_LEADS = """
            insert into lead (id, full_name, phone_e164, phone_display, alternate_phone_e164, email, city,
                              preferred_language, source, campaign, external_id, consent_basis, registry_checked_at,
                              type, status_id, created_at, last_activity_at)
            select id, full_name, phone_e164, phone_display, alternate_phone_e164, email, city, preferred_language, source,
                   campaign, external_id, consent_basis, registry_checked_at, 'NEW', :statusId, created_at, :now
            from unnest(cast(:ids as bigint[]), cast(:fullNames as varchar[]), cast(:phones as varchar[]),
                        cast(:displays as varchar[]), cast(:alternatePhones as varchar[]), cast(:emails as varchar[]),
                        cast(:cities as varchar[]), cast(:languages as varchar[]), cast(:sources as varchar[]),
                        cast(:campaigns as varchar[]), cast(:externalIds as varchar[]), cast(:consentBases as varchar[]),
                        cast(:registryCheckedAt as timestamptz[]), cast(:createdAt as timestamptz[]))
                 as arrival(id, full_name, phone_e164, phone_display, alternate_phone_e164, email, city, preferred_language,
                            source, campaign, external_id, consent_basis, registry_checked_at, created_at)
            """;
    private static final String INSERT_TASKS = """
            insert into task (lead_id, type, state, due_at, sla_deadline_at, created_at)
            select lead_id, 'FIRST_CONTACT', 'OPEN', :dueAt, sla_deadline_at, :now
            from unnest(cast(:leadIds as bigint[]), cast(:deadlines as timestamptz[])) as new_task(lead_id, sla_deadline_at)
            """;
    private static final String INSERT_ACTIVITIES = """
            insert into activity (lead_id, kind, note, actor_id, created_at, details)
            select lead_id, :kind, note, :actorId, :now, cast(details as jsonb)
            from unnest(cast(:leadIds as bigint[]), cast(:notes as text[]), cast(:details as text[])) as entry(lead_id, note, details)
            """;

    private final JdbcClient jdbc;
    private final LeadRepository leads;
    private final TaskRepository tasks;
    private final LeadStatusRepository statuses;
    private final ContactPolicies policies;
    private final BusinessCalendar calendar;
    private final Timeline timeline;
    private final DoNotCallRegistry registry;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final EntityManager entityManager;
    private final Clock clock;

    LeadIntake(JdbcClient jdbc, LeadRepository leads, TaskRepository tasks,
               LeadStatusRepository statuses, ContactPolicies policies, BusinessCalendar calendar, Timeline timeline,
               DoNotCallRegistry registry, ApplicationEventPublisher events, JsonMapper json, EntityManager entityManager,
               Clock clock) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.tasks = tasks;
        this.statuses = statuses;
        this.policies = policies;
        this.calendar = calendar;
        this.timeline = timeline;
        this.registry = registry;
        this.events = events;
        this.json = json;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Admits arrivals in their order: a later arrival with the number of an earlier one joins the
     * lead the earlier one created or reopened. Returns one admission per arrival, in the same order.
     *
     * <p>The same phones and e-mails are locked until the transaction ends, so two transactions
     * admitting the same person never both create a lead.
     *
     * @param actorId the user who imported the arrivals, or null for the intake API
     */
    @Transactional
    public List<LeadAdmission> admit(List<LeadArrival> arrivals, Long actorId) {
        if (arrivals.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        lockContacts(arrivals);
        Set<String> doNotCall = doNotCallNumbers(arrivals);
        DoNotCallRegistry.Check registryCheck = registry.check(outboundPhones(arrivals));
        Candidates candidates = findCandidates(arrivals);

        List<Step> steps = new ArrayList<>(arrivals.size());
        for (LeadArrival arrival : arrivals) {
            steps.add(decide(arrival, candidates, doNotCall, registryCheck, now));
        }

        reopen(steps, now, actorId);
        insertNewLeads(steps, registryCheck, now, actorId);
        mergeInquiries(steps, registryCheck, now, actorId);
        return steps.stream().map(Step::admission).toList();
    }

    /**
     * Returns the admissions that {@link #admit} would make now, without changing anything, for a
     * preview. A lead that would be created has no id yet, so a later arrival that would join it
     * gets a null lead id.
     */
    @Transactional(readOnly = true)
    public List<LeadAdmission> foresee(List<LeadArrival> arrivals) {
        if (arrivals.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<String> doNotCall = doNotCallNumbers(arrivals);
        DoNotCallRegistry.Check registryCheck = registry.check(outboundPhones(arrivals));
        Candidates candidates = findCandidates(arrivals);
        List<LeadAdmission> foreseen = new ArrayList<>(arrivals.size());
        for (LeadArrival arrival : arrivals) {
            foreseen.add(decide(arrival, candidates, doNotCall, registryCheck, now).admission());
        }
        return foreseen;
    }

    private Step decide(LeadArrival arrival, Candidates candidates, Set<String> doNotCall,
                        DoNotCallRegistry.Check registryCheck, Instant now) {
        String phone = phoneOf(arrival);
        if (phone != null && doNotCall.contains(phone)) {
            return new Step(arrival, LeadAdmission.Disposition.BLOCKED_DO_NOT_CALL, null);
        }
        if (isOutbound(arrival) && registryCheck.isListed(phone)) {
            return new Step(arrival, LeadAdmission.Disposition.BLOCKED_REGISTRY, null);
        }
        Candidate match = candidates.bestMatch(phone, emailOf(arrival));
        if (match == null) {
            Candidate created = Candidate.pending(arrival, phone, emailOf(arrival), now);
            candidates.add(created);
            return new Step(arrival, LeadAdmission.Disposition.CREATED, created);
        }
        if (match.open) {
            return new Step(arrival, LeadAdmission.Disposition.MERGED, match);
        }
        match.open = true;
        return new Step(arrival, LeadAdmission.Disposition.REOPENED, match);
    }

    /** Reopens matched closed leads through the entity, as every other lifecycle change does. */
    private void reopen(List<Step> steps, Instant now, Long actorId) {
        boolean reopened = false;
        for (Step step : steps) {
            if (step.disposition != LeadAdmission.Disposition.REOPENED) {
                continue;
            }
            reopenLead(step.target, step.arrival, now, actorId);
            reopened = true;
        }
        if (reopened) {
            // The SQL below updates the same rows; clearing keeps no stale entity in this transaction.
            entityManager.flush();
            entityManager.clear();
        }
    }

    private void reopenLead(Candidate target, LeadArrival arrival, Instant now, Long actorId) {
        Lead lead = leads.findForUpdate(target.leadId).orElseThrow(() -> new LeadNotFoundException(target.leadId));
        LeadStatus closedStatus = statuses.findById(lead.getStatusId()).orElseThrow();
        Long previousOwner = lead.getOwnerId();
        lead.reopenAsRenewed(statuses.findByCode(LeadStatus.NEW).orElseThrow(), now);
        leads.saveAndFlush(lead);

        // A closed lead has no open task, so the new FIRST_CONTACT task is its only one.
        ContactPolicy policy = policies.policyFor(lead);
        tasks.saveAndFlush(new Task(lead, TaskType.FIRST_CONTACT, calendar.nextOpenSlot(now),
                calendar.addBusinessMinutes(now, policy.firstContactMinutes()), now));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("origin", arrival.origin());
        details.put("source", arrival.contact().source());
        details.put("campaign", arrival.contact().campaign());
        details.put("fromStatus", closedStatus.getCode());
        details.put("previousOwnerId", previousOwner);
        details.putAll(arrival.details());
        timeline.record(lead.getId(), ActivityKind.REOPENED, null, arrival.note(), actorId, now, details);
        target.ownerId = lead.getOwnerId();
        events.publishEvent(new LeadReopened(lead.getId(), previousOwner, arrival.contact().source(), now));
    }

    private void insertNewLeads(List<Step> steps, DoNotCallRegistry.Check registryCheck, Instant now, Long actorId) {
        List<Step> created = steps.stream().filter(step -> step.disposition == LeadAdmission.Disposition.CREATED).toList();
        if (created.isEmpty()) {
            return;
        }
        int count = created.size();
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('lead', 'id')) from generate_series(1, ?)")
                .param(count).query(Long.class).list();
        Map<String, Instant> deadlineBySource = new HashMap<>();
        NewLeadColumns columns = new NewLeadColumns(count);
        for (int i = 0; i < count; i++) {
            Step step = created.get(i);
            long id = ids.get(i);
            step.target.leadId = id;
            LeadContact contact = step.arrival.contact();
            columns.ids[i] = id;
            columns.fullNames[i] = contact.fullName();
            columns.phones[i] = phoneOf(step.arrival);
            columns.displays[i] = contact.phone() == null ? null : contact.phone().display();
            columns.alternatePhones[i] = contact.alternatePhone() == null ? null : contact.alternatePhone().e164();
            columns.emails[i] = contact.email();
            columns.cities[i] = contact.city();
            columns.languages[i] = contact.preferredLanguage() == null ? "he" : contact.preferredLanguage();
            columns.sources[i] = contact.source();
            columns.campaigns[i] = contact.campaign();
            columns.externalIds[i] = contact.externalId();
            columns.consentBases[i] = consentOf(step.arrival).name();
            columns.registryCheckedAt[i] = text(isOutbound(step.arrival) ? registryCheck.checkedAt() : null);
            columns.createdAt[i] = text(step.target.createdAt);
            columns.deadlines[i] = text(deadlineBySource.computeIfAbsent(String.valueOf(contact.source()), source ->
                    calendar.addBusinessMinutes(now, policies.policyFor(LeadType.NEW, contact.source()).firstContactMinutes())));
            columns.notes[i] = step.arrival.note();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("origin", step.arrival.origin());
            details.put("type", LeadType.NEW.name());
            details.putAll(step.arrival.details());
            columns.details[i] = json.writeValueAsString(details);
        }
        jdbc.sql(INSERT_LEADS)
                .param("statusId", statuses.findByCode(LeadStatus.NEW).orElseThrow().getId())
                .param("now", Timestamp.from(now))
                .param("ids", columns.ids)
                .param("fullNames", columns.fullNames)
                .param("phones", columns.phones)
                .param("displays", columns.displays)
                .param("alternatePhones", columns.alternatePhones)
                .param("emails", columns.emails)
                .param("cities", columns.cities)
                .param("languages", columns.languages)
                .param("sources", columns.sources)
                .param("campaigns", columns.campaigns)
                .param("externalIds", columns.externalIds)
                .param("consentBases", columns.consentBases)
                .param("registryCheckedAt", columns.registryCheckedAt)
                .param("createdAt", columns.createdAt)
                .update();
        jdbc.sql(INSERT_TASKS)
                .param("dueAt", Timestamp.from(calendar.nextOpenSlot(now)))
                .param("now", Timestamp.from(now))
                .param("leadIds", columns.ids)
                .param("deadlines", columns.deadlines)
                .update();
        insertActivities(ActivityKind.CREATED, columns.ids, columns.notes, columns.details, actorId, now);
        for (Step step : created) {
            events.publishEvent(new LeadCreated(step.target.leadId, LeadType.NEW, step.arrival.contact().source(), now));
        }
    }

    private void insertActivities(ActivityKind kind, Long[] leadIds, String[] notes, String[] details, Long actorId, Instant now) {
        jdbc.sql(INSERT_ACTIVITIES)
                .param("kind", kind.name())
                .param("actorId", actorId)
                .param("now", Timestamp.from(now))
                .param("leadIds", leadIds)
                .param("notes", notes)
                .param("details", details)
                .update();
    }

    /** The values of new leads by column, for the insert from arrays. */
    private static final class NewLeadColumns {

        final Long[] ids;
        final String[] fullNames;
        final String[] phones;
        final String[] displays;
        final String[] alternatePhones;
        final String[] emails;
        final String[] cities;
        final String[] languages;
        final String[] sources;
        final String[] campaigns;
        final String[] externalIds;
        final String[] consentBases;
        final String[] registryCheckedAt;
        final String[] createdAt;
        final String[] deadlines;
        final String[] notes;
        final String[] details;

        NewLeadColumns(int count) {
            ids = new Long[count];
            fullNames = new String[count];
            phones = new String[count];
            displays = new String[count];
            alternatePhones = new String[count];
            emails = new String[count];
            cities = new String[count];
            languages = new String[count];
            sources = new String[count];
            campaigns = new String[count];
            externalIds = new String[count];
            consentBases = new String[count];
            registryCheckedAt = new String[count];
            createdAt = new String[count];
            deadlines = new String[count];
            notes = new String[count];
            details = new String[count];
        }
    }

    /**
     * Completes merged and reopened leads with what the arrival adds: contact fields the lead lacks,
     * an inbound basis for calling when the person asked to be called, and a fresh registry check.
     * A merged arrival becomes an INQUIRY entry on the timeline.
     */
    private void mergeInquiries(List<Step> steps, DoNotCallRegistry.Check registryCheck, Instant now, Long actorId) {
        List<Step> merged = new ArrayList<>();
        for (Step step : steps) {
            if (step.disposition != LeadAdmission.Disposition.MERGED && step.disposition != LeadAdmission.Disposition.REOPENED) {
                continue;
            }
            Instant checkedAt = isOutbound(step.arrival) ? registryCheck.checkedAt() : null;
            step.target.ownerId = completeContact(step.target.leadId, step.arrival, checkedAt, now);
            if (step.disposition == LeadAdmission.Disposition.MERGED) {
                merged.add(step);
            }
        }
        if (merged.isEmpty()) {
            return;
        }
        Long[] leadIds = new Long[merged.size()];
        String[] notes = new String[merged.size()];
        String[] details = new String[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            Step step = merged.get(i);
            leadIds[i] = step.target.leadId;
            notes[i] = step.arrival.note();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("origin", step.arrival.origin());
            entry.put("source", step.arrival.contact().source());
            entry.put("campaign", step.arrival.contact().campaign());
            entry.put("name", step.arrival.contact().fullName());
            entry.putAll(step.arrival.details());
            details[i] = json.writeValueAsString(entry);
        }
        insertActivities(ActivityKind.INQUIRY, leadIds, notes, details, actorId, now);
        for (Step step : merged) {
            events.publishEvent(new InquiryMerged(step.target.leadId, step.target.ownerId, step.arrival.contact().source(), now));
        }
    }

    /** Fills the lead's missing contact fields from the arrival and returns the lead's owner. */
    private Long completeContact(long leadId, LeadArrival arrival, Instant checkedAt, Instant now) {
        LeadContact contact = arrival.contact();
        Object owner = jdbc.sql("""
                        update lead set
                            full_name = coalesce(full_name, cast(:name as varchar)),
                            email = coalesce(email, cast(:email as varchar)),
                            city = coalesce(city, cast(:city as varchar)),
                            phone_e164 = coalesce(phone_e164, cast(:phone as varchar)),
                            phone_display = case when phone_e164 is null then cast(:display as varchar) else phone_display end,
                            alternate_phone_e164 = case
                                when alternate_phone_e164 is null and phone_e164 <> cast(:phone as varchar) then cast(:phone as varchar)
                                else alternate_phone_e164 end,
                            consent_basis = case
                                when consent_basis = 'OUTBOUND' and cast(:basis as varchar) <> 'OUTBOUND' then cast(:basis as varchar)
                                else consent_basis end,
                            registry_checked_at = case
                                when cast(:checkedAt as timestamptz) is null then registry_checked_at
                                else greatest(registry_checked_at, cast(:checkedAt as timestamptz)) end,
                            last_activity_at = greatest(last_activity_at, :now),
                            version = version + 1
                        where id = :id
                        returning owner_id
                        """)
                .param("name", contact.fullName())
                .param("email", contact.email())
                .param("city", contact.city())
                .param("phone", phoneOf(arrival))
                .param("display", contact.phone() == null ? null : contact.phone().display())
                .param("basis", consentOf(arrival).name())
                .param("checkedAt", timestamp(checkedAt))
                .param("now", Timestamp.from(now))
                .param("id", leadId)
                .query().singleRow().get("owner_id");
        return owner == null ? null : ((Number) owner).longValue();
    }

    /**
     * Takes a transaction-level advisory lock per phone and e-mail, in one order for every caller,
     * so concurrent intake of the same person waits instead of creating a second lead.
     */
    private void lockContacts(List<LeadArrival> arrivals) {
        Set<String> keys = new LinkedHashSet<>();
        for (LeadArrival arrival : arrivals) {
            String phone = phoneOf(arrival);
            if (phone != null) {
                keys.add("phone:" + phone);
            }
            String email = emailOf(arrival);
            if (email != null) {
                keys.add("email:" + email);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select count(*) from (
                            select pg_advisory_xact_lock(:namespace, key)
                            from (select distinct hashtext(value) as key from unnest(cast(:keys as text[])) value order by key) ordered
                        ) locked
                        """)
                .param("namespace", CONTACT_LOCK_NAMESPACE)
                .param("keys", keys.toArray(String[]::new))
                .query(Long.class).single();
    }

    private Set<String> doNotCallNumbers(List<LeadArrival> arrivals) {
        String[] phones = arrivals.stream().map(LeadIntake::phoneOf).filter(phone -> phone != null).distinct().toArray(String[]::new);
        if (phones.length == 0) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select phone_e164 from do_not_call where phone_e164 = any(cast(:phones as varchar[]))")
                .param("phones", phones).query(String.class).list());
    }

    private static List<String> outboundPhones(List<LeadArrival> arrivals) {
        return arrivals.stream().filter(LeadIntake::isOutbound).map(LeadIntake::phoneOf).filter(phone -> phone != null)
                .distinct().toList();
    }

    private Candidates findCandidates(List<LeadArrival> arrivals) {
        String[] phones = arrivals.stream().map(LeadIntake::phoneOf).filter(phone -> phone != null).distinct().toArray(String[]::new);
        String[] emails = arrivals.stream().map(LeadIntake::emailOf).filter(email -> email != null).distinct().toArray(String[]::new);
        Candidates candidates = new Candidates();
        if (phones.length == 0 && emails.length == 0) {
            return candidates;
        }
        // One query per index: an OR across the three columns can make the planner scan the whole table.
        jdbc.sql("""
                        select id, phone_e164, alternate_phone_e164, lower(email) as email, owner_id, created_at, closed_at
                        from lead where phone_e164 = any(cast(:phones as varchar[]))
                        union
                        select id, phone_e164, alternate_phone_e164, lower(email) as email, owner_id, created_at, closed_at
                        from lead where alternate_phone_e164 = any(cast(:phones as varchar[]))
                        union
                        select id, phone_e164, alternate_phone_e164, lower(email) as email, owner_id, created_at, closed_at
                        from lead where email is not null and lower(email) = any(cast(:emails as varchar[]))
                        """)
                .param("phones", phones)
                .param("emails", emails)
                .query((row, number) -> {
                    Timestamp closedAt = row.getTimestamp("closed_at");
                    Candidate candidate = new Candidate(row.getLong("id"), row.getString("phone_e164"),
                            row.getString("alternate_phone_e164"), row.getString("email"), closedAt == null,
                            row.getTimestamp("created_at").toInstant(), closedAt == null ? null : closedAt.toInstant());
                    candidate.ownerId = (Long) row.getObject("owner_id");
                    return candidate;
                })
                .list()
                .forEach(candidates::add);
        return candidates;
    }

    private static String phoneOf(LeadArrival arrival) {
        return arrival.contact().phone() == null ? null : arrival.contact().phone().e164();
    }

    private static String emailOf(LeadArrival arrival) {
        return arrival.contact().email() == null ? null : arrival.contact().email().toLowerCase(Locale.ROOT);
    }

    private static ConsentBasis consentOf(LeadArrival arrival) {
        return arrival.contact().consentBasis() == null ? ConsentBasis.INBOUND : arrival.contact().consentBasis();
    }

    private static boolean isOutbound(LeadArrival arrival) {
        return consentOf(arrival) == ConsentBasis.OUTBOUND;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Returns an instant as ISO-8601 text, which PostgreSQL reads into a timestamptz array element. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One arrival's decision and the lead it concerns. */
    private static final class Step {

        final LeadArrival arrival;
        final LeadAdmission.Disposition disposition;
        final Candidate target;

        Step(LeadArrival arrival, LeadAdmission.Disposition disposition, Candidate target) {
            this.arrival = arrival;
            this.disposition = disposition;
            this.target = target;
        }

        LeadAdmission admission() {
            return target == null ? new LeadAdmission(disposition, null, null)
                    : new LeadAdmission(disposition, target.leadId, target.ownerId);
        }
    }

    /** A lead an arrival may join: one found in the database, or one this call creates. */
    private static final class Candidate {

        Long leadId;
        final String phone;
        final String alternatePhone;
        final String email;
        boolean open;
        final Instant createdAt;
        final Instant closedAt;
        Long ownerId;

        Candidate(Long leadId, String phone, String alternatePhone, String email, boolean open, Instant createdAt,
                  Instant closedAt) {
            this.leadId = leadId;
            this.phone = phone;
            this.alternatePhone = alternatePhone;
            this.email = email;
            this.open = open;
            this.createdAt = createdAt;
            this.closedAt = closedAt;
        }

        static Candidate pending(LeadArrival arrival, String phone, String email, Instant now) {
            Instant inquiredAt = arrival.inquiredAt();
            Instant createdAt = inquiredAt == null || inquiredAt.isAfter(now) ? now : inquiredAt;
            return new Candidate(null, phone, null, email, true, createdAt, null);
        }

        /** Returns whether this candidate is a better match than another of the same rank, because it is the newer lead. */
        boolean isNewerThan(Candidate other) {
            if (open) {
                return leadId == null || (other.leadId != null && createdAt.isAfter(other.createdAt));
            }
            Instant mine = closedAt == null ? Instant.MIN : closedAt;
            Instant theirs = other.closedAt == null ? Instant.MIN : other.closedAt;
            return mine.isAfter(theirs);
        }
    }

    /**
     * The candidates by phone and e-mail. An open lead beats a closed one, a phone match beats an
     * e-mail match, and among equals the newest lead wins.
     */
    private static final class Candidates {

        private final Map<String, List<Candidate>> byPhone = new HashMap<>();
        private final Map<String, List<Candidate>> byEmail = new HashMap<>();

        void add(Candidate candidate) {
            if (candidate.phone != null) {
                byPhone.computeIfAbsent(candidate.phone, key -> new ArrayList<>()).add(candidate);
            }
            if (candidate.alternatePhone != null) {
                byPhone.computeIfAbsent(candidate.alternatePhone, key -> new ArrayList<>()).add(candidate);
            }
            if (candidate.email != null) {
                byEmail.computeIfAbsent(candidate.email, key -> new ArrayList<>()).add(candidate);
            }
        }

        Candidate bestMatch(String phone, String email) {
            Candidate best = null;
            int bestRank = Integer.MAX_VALUE;
            for (Candidate candidate : phone == null ? List.<Candidate>of() : byPhone.getOrDefault(phone, List.of())) {
                int rank = candidate.open ? 0 : 2;
                if (rank < bestRank || (rank == bestRank && candidate.isNewerThan(best))) {
                    best = candidate;
                    bestRank = rank;
                }
            }
            for (Candidate candidate : email == null ? List.<Candidate>of() : byEmail.getOrDefault(email, List.of())) {
                int rank = candidate.open ? 1 : 3;
                if (rank < bestRank || (rank == bestRank && candidate.isNewerThan(best))) {
                    best = candidate;
                    bestRank = rank;
                }
            }
            return best;
        }
    }
}
