package io.cupboard.database;

import java.util.List;

import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DatabaseSchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnRealPostgresql() {
        String version = jdbc.sql("show server_version").query(String.class).single();

        assertThat(version).startsWith("17.");
    }

    @Test
    void flywayAppliedEveryMigration() {
        List<String> failed = jdbc.sql("select script from flyway_schema_history where not success").query(String.class).list();
        long applied = jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single();

        assertThat(failed).isEmpty();
        assertThat(applied).isGreaterThanOrEqualTo(4);
    }

    @Test
    void leadHasAtMostOneOpenTask() {
        long leadId = insertLead();
        insertOpenTask(leadId);

        assertThatThrownBy(() -> insertOpenTask(leadId))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("task_one_open_per_lead");
    }

    @Test
    void leadMayKeepManyClosedTasks() {
        long leadId = insertLead();
        jdbc.sql("""
                insert into task (lead_id, type, state, due_at, created_at, completed_at)
                values (?, 'RETRY', 'DONE', now(), now(), now()), (?, 'RETRY', 'DONE', now(), now(), now())
                """).params(leadId, leadId).update();
        insertOpenTask(leadId);

        long tasks = jdbc.sql("select count(*) from task where lead_id = ?").param(leadId).query(Long.class).single();
        assertThat(tasks).isEqualTo(3);
    }

    @Test
    void activitiesAreAppendOnly() {
        long leadId = insertLead();
        long activityId = jdbc.sql("insert into activity (lead_id, kind, created_at) values (?, 'NOTE', now()) returning id")
                .param(leadId).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update activity set note = 'changed' where id = ?").param(activityId).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from activity where id = ?").param(activityId).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void cupQueryIndexExists() {
        String definition = jdbc.sql("select indexdef from pg_indexes where indexname = 'task_open_owner_due_idx'")
                .query(String.class).single();

        assertThat(definition).contains("owner_id", "state", "due_at").contains("WHERE");
    }

    private long insertLead() {
        return jdbc.sql("""
                insert into lead (full_name, type, status_id, created_at)
                values ('ליד בדיקה', 'NEW', (select id from lead_status where code = 'NEW'), now())
                returning id
                """).query(Long.class).single();
    }

    private void insertOpenTask(long leadId) {
        jdbc.sql("insert into task (lead_id, type, due_at, created_at) values (?, 'FIRST_CONTACT', now(), now())")
                .param(leadId).update();
    }
}
