package io.cupboard.lead;

import java.time.Clock;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a lead's timeline without a call. A note does not change the lead, so it never
 * conflicts with somebody else's save.
 */
@Service
public class LeadNotes {

    /** Notes longer than this are rejected; a timeline entry is not a document store. */
    public static final int MAX_LENGTH = 4000;

    private final LeadAccess access;
    private final Timeline timeline;
    private final Clock clock;

    LeadNotes(LeadAccess access, Timeline timeline, Clock clock) {
        this.access = access;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void add(long leadId, String note, CurrentUser user) {
        if (note == null || note.isBlank()) {
            throw new LeadRuleException("note.error.empty", "An empty note was not saved");
        }
        if (note.length() > MAX_LENGTH) {
            throw new LeadRuleException("note.error.tooLong", "A note of " + note.length() + " characters was rejected", MAX_LENGTH);
        }
        access.visible(leadId, user);
        timeline.record(leadId, ActivityKind.NOTE, null, note, user.id(), clock.instant(), Map.of());
    }
}
