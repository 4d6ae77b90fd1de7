package io.cupboard.demo;

import java.util.List;

import io.cupboard.lead.PhoneNumber;
import io.cupboard.support.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs on its own database in the shared server, so the demo users do not meet other tests' data.
 * An external server (SPRING_DATASOURCE_URL) has one database for every test, so it is skipped there.
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+",
        disabledReason = "needs a database of its own, which only the embedded server provides")
@SpringBootTest(properties = {"cupboard.demo.enabled=true", "cupboard.database.embedded.database-name=cupboard_demo"})
@Import(TestConfiguration.class)
class DemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDataLoader loader;

    @Test
    void loadsTheDemoCenter() {
        assertThat(count("select count(*) from team")).isEqualTo(2);
        assertThat(jdbc.sql("select username from app_user order by username").query(String.class).list())
                .containsExactly("admin", "agent1", "agent2", "agent3", "agent4", "agent5", "agent6", "agent7", "agent8",
                        "manager", "teamlead1", "teamlead2");
        assertThat(count("select count(*) from lead")).isEqualTo(1500);
    }

    @Test
    void leadsCoverEveryTypeAndStatus() {
        assertThat(jdbc.sql("select distinct type from lead").query(String.class).list())
                .containsExactlyInAnyOrder("NEW", "RENEWED", "FOLLOW_UP");
        assertThat(jdbc.sql("select distinct s.code from lead l join lead_status s on s.id = l.status_id").query(String.class).list())
                .containsExactlyInAnyOrder("NEW", "ATTEMPTING", "CALLBACK", "FOLLOW_UP", "WON", "NOT_RELEVANT", "UNREACHABLE");
        assertThat(count("select count(*) from lead where owner_id is null and closed_at is null")).isPositive();
    }

    @Test
    void everyOpenLeadHasExactlyOneOpenTask() {
        long violations = count("""
                select count(*) from lead l join lead_status s on s.id = l.status_id
                where (s.category = 'OPEN') <> ((select count(*) from task t where t.lead_id = l.id and t.state = 'OPEN') = 1)
                """);

        assertThat(violations).isZero();
        assertThat(count("select count(*) from task where state = 'OPEN'")).isGreaterThan(700);
    }

    @Test
    void closedLeadsWithReasonHaveIt() {
        assertThat(count("""
                select count(*) from lead l join lead_status s on s.id = l.status_id
                where s.code in ('NOT_RELEVANT', 'UNREACHABLE') and l.disqualification_reason_id is null
                """)).isZero();
    }

    @Test
    void phonesAreValidIsraeliNumbers() {
        List<String> phones = jdbc.sql("select phone_e164 from lead").query(String.class).list();

        assertThat(phones).allSatisfy(phone -> {
            assertThat(phone).startsWith("+972");
            assertThat(PhoneNumber.parse(phone).e164()).isEqualTo(phone);
        });
        assertThat(phones.stream().filter(phone -> phone.startsWith("+9725"))).hasSizeGreaterThan(1000);
        assertThat(phones.stream().filter(phone -> phone.matches("\\+972[23489]\\d{7}"))).isNotEmpty();
    }

    @Test
    void loadingAgainAddsNothing() throws Exception {
        long leads = count("select count(*) from lead");

        loader.run(null);

        assertThat(count("select count(*) from lead")).isEqualTo(leads);
        assertThat(count("select count(*) from app_user")).isEqualTo(12);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
