package io.cupboard.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.cupboard.calendar.BusinessCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates leads with their first-contact task and its SLA deadline, in one transaction.
 */
@Service
public class LeadRegistration {

    private final LeadRepository leads;
    private final TaskRepository tasks;
    private final LeadStatusRepository statuses;
    private final ContactPolicies policies;
    private final BusinessCalendar calendar;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadRegistration(LeadRepository leads, TaskRepository tasks, LeadStatusRepository statuses, ContactPolicies policies,
                     BusinessCalendar calendar, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.tasks = tasks;
        this.statuses = statuses;
        this.policies = policies;
        this.calendar = calendar;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a lead in status NEW, owned by nobody, with a FIRST_CONTACT task due at once and its
     * SLA deadline in business minutes. Allocation then gives it an owner or a team pool.
     *
     * @param origin what created the lead, for the timeline (for example {@code import}, {@code api})
     * @param actorId the user who created it, or null for the system
     */
    @Transactional
    public Lead register(LeadContact contact, LeadType type, String origin, Long actorId) {
        Instant now = clock.instant();
        LeadStatus initial = statuses.findByCode(LeadStatus.NEW).orElseThrow();
        Lead lead = leads.saveAndFlush(new Lead(contact, type, initial, now));
        ContactPolicy policy = policies.policyFor(lead);
        Instant due = calendar.nextOpenSlot(now);
        Instant deadline = calendar.addBusinessMinutes(now, policy.firstContactMinutes());
        tasks.save(new Task(lead, TaskType.FIRST_CONTACT, due, deadline, now));
        timeline.record(lead.getId(), ActivityKind.CREATED, null, null, actorId, now,
                Map.of("origin", origin, "type", type.name()));
        events.publishEvent(new LeadCreated(lead.getId(), type, lead.getSource(), now));
        return lead;
    }
}
