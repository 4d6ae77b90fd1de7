package io.cupboard.lead;

import java.util.List;
import java.util.Map;

import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LeadIntakeTest {

    @Autowired
    LeadIntake intake;

    @Autowired
    LeadRegistration registration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void fixClock() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createdLeadMatchesRegisteredLead() {
        Lead registered = registration.register(LeadContact.of("רשום", Fixtures.uniquePhone(), "parity"), LeadType.NEW, "test", null);
        LeadAdmission admitted = admit(new LeadArrival(LeadContact.of("נקלט", Fixtures.uniquePhone(), "parity"), null, "test", null,
                Map.of())).get(0);

        assertThat(admitted.disposition()).isEqualTo(LeadAdmission.Disposition.CREATED);
        assertThat(row("""
                select l.type, l.status_id, l.wave, l.attempt_count, l.follow_up_count, l.preferred_language, l.consent_basis,
                       l.created_at, l.last_activity_at, l.version, t.type as task_type, t.state, t.due_at, t.sla_deadline_at,
                       t.created_at as task_created_at, a.kind, a.details ->> 'origin' as origin, a.details ->> 'type' as lead_type
                from lead l join task t on t.lead_id = l.id join activity a on a.lead_id = l.id
                where l.id = ?
                """, admitted.leadId())).isEqualTo(row("""
                select l.type, l.status_id, l.wave, l.attempt_count, l.follow_up_count, l.preferred_language, l.consent_basis,
                       l.created_at, l.last_activity_at, l.version, t.type as task_type, t.state, t.due_at, t.sla_deadline_at,
                       t.created_at as task_created_at, a.kind, a.details ->> 'origin' as origin, a.details ->> 'type' as lead_type
                from lead l join task t on t.lead_id = l.id join activity a on a.lead_id = l.id
                where l.id = ?
                """, registered.getId()));
    }

    @Test
    void inboundInquiryMakesOutboundLeadInbound() {
        PhoneNumber phone = Fixtures.uniquePhone();
        LeadContact cold = new LeadContact("קר", phone, null, null, null, "he", "cold", null, null, ConsentBasis.OUTBOUND);
        long leadId = admit(new LeadArrival(cold, null, "test", null, Map.of())).get(0).leadId();
        LeadContact asked = new LeadContact(null, phone, null, "asked@example.com", "חיפה", "he", "form", null, null, ConsentBasis.INBOUND);

        LeadAdmission merged = admit(new LeadArrival(asked, null, "test", "רוצה שיחזרו", Map.of())).get(0);

        assertThat(merged.disposition()).isEqualTo(LeadAdmission.Disposition.MERGED);
        assertThat(merged.leadId()).isEqualTo(leadId);
        assertThat(row("select full_name, email, city, consent_basis from lead where id = ?", leadId))
                .containsEntry("full_name", "קר").containsEntry("email", "asked@example.com").containsEntry("city", "חיפה")
                .containsEntry("consent_basis", "INBOUND");
    }

    @Test
    void openLeadWinsOverNewerClosedLead() {
        PhoneNumber phone = Fixtures.uniquePhone();
        long open = admit(new LeadArrival(LeadContact.of("פתוח", phone, "t"), null, "test", null, Map.of())).get(0).leadId();
        PhoneNumber other = Fixtures.uniquePhone();
        LeadContact withAlternate = new LeadContact("סגור", other, phone, null, null, "he", "t", null, null, ConsentBasis.INBOUND);
        long closed = admit(new LeadArrival(withAlternate, null, "test", null, Map.of())).get(0).leadId();
        jdbc.sql("update task set state = 'CANCELLED', completed_at = now() where lead_id = ? and state = 'OPEN'").param(closed).update();
        jdbc.sql("""
                update lead set closed_at = now(), status_id = (select id from lead_status where code = 'WON') where id = ?
                """).param(closed).update();

        LeadAdmission admission = admit(new LeadArrival(LeadContact.of("שוב", phone, "t"), null, "test", null, Map.of())).get(0);

        assertThat(admission.disposition()).isEqualTo(LeadAdmission.Disposition.MERGED);
        assertThat(admission.leadId()).isEqualTo(open);
    }

    @Test
    void foreseeChangesNothing() {
        PhoneNumber phone = Fixtures.uniquePhone();

        List<LeadAdmission> foreseen = intake.foresee(List.of(new LeadArrival(LeadContact.of("א", phone, "t"), null, "test", null, Map.of()),
                new LeadArrival(LeadContact.of("ב", phone, "t"), null, "test", null, Map.of())));

        assertThat(foreseen).extracting(LeadAdmission::disposition)
                .containsExactly(LeadAdmission.Disposition.CREATED, LeadAdmission.Disposition.MERGED);
        assertThat(jdbc.sql("select count(*) from lead where phone_e164 = ?").param(phone.e164()).query(Long.class).single()).isZero();
    }

    private List<LeadAdmission> admit(LeadArrival... arrivals) {
        return transactions.execute(status -> intake.admit(List.of(arrivals), null));
    }

    private Map<String, Object> row(String sql, long id) {
        return jdbc.sql(sql).param(id).query().singleRow();
    }
}
