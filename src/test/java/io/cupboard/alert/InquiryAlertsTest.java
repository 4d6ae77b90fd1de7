package io.cupboard.alert;

import java.util.Map;

import io.cupboard.identity.User;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadArrival;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadIntake;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.lead.PhoneNumber;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InquiryAlertsTest {

    @Autowired
    LeadIntake intake;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void repeatedInquiryAlertsTheOwnerUntilCalled() {
        User agent = fixtures.agent(fixtures.team());
        Lead lead = fixtures.lead(agent);

        intake.admit(java.util.List.of(new LeadArrival(LeadContact.of("שוב", PhoneNumber.parse(lead.getPhoneE164()), "form"),
                null, "test", null, Map.of())), null);

        assertThat(openAlerts(lead, agent)).isEqualTo(1);
        int version = jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
        outcomes.record(lead.getId(), version, OutcomeRequest.of(CallOutcome.NO_ANSWER), fixtures.signedIn(agent));
        assertThat(openAlerts(lead, agent)).isZero();
    }

    private long openAlerts(Lead lead, User agent) {
        return jdbc.sql("""
                select count(*) from alert
                where lead_id = ? and kind = 'NEW_INQUIRY' and recipient_id = ? and resolved_at is null and dismissed_at is null
                """).params(lead.getId(), agent.getId()).query(Long.class).single();
    }
}
