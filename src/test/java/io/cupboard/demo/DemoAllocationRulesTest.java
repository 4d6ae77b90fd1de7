package io.cupboard.demo;

import io.cupboard.allocation.AllocationRule;
import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.LeadAllocator;
import io.cupboard.lead.ConsentBasis;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.support.Fixtures;
import io.cupboard.support.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Shares the demo database and context with {@link DemoDataTest}. */
@SpringBootTest(properties = {"cupboard.demo.enabled=true", "cupboard.database.embedded.database-name=cupboard_demo"})
@Import(TestConfiguration.class)
class DemoAllocationRulesTest {

    @Autowired
    AllocationRules rules;

    @Autowired
    DemoAllocationRules demoRules;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAllocator allocator;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoCenterHasRulePerTeam() {
        assertThat(rules.rules()).extracting(AllocationRule::getName)
                .containsExactly("לידים בערבית", "לידים ברוסית", "פייסבוק ואינסטגרם", "כל שאר הלידים");

        demoRules.load();

        assertThat(rules.rules()).hasSize(4);
    }

    @Test
    void arabicLeadGoesToArabicSpeaker() {
        LeadContact contact = new LeadContact("ליד בערבית", Fixtures.uniquePhone(), null, null, null, "ar", "website", null,
                null, ConsentBasis.INBOUND);

        // Rolled back, because other demo tests count the leads.
        String owner = transaction.execute(status -> {
            LeadAllocator.Allocation allocation = allocator.allocate(registration.register(contact, LeadType.NEW, "test", null).getId());
            status.setRollbackOnly();
            return jdbc.sql("select username from app_user where id = ?").param(allocation.ownerId()).query(String.class).single();
        });

        assertThat(owner).isEqualTo("agent7");
    }
}
