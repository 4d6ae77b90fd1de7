package io.cupboard.sla;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Treats deactivated agents as absent on every date.
 */
// TODO: the workday module records whether an agent opened the work day. Its AgentPresence
// (absent = no work day opened by a configured time) should replace this bean; until then an
// active agent who stays home keeps their callbacks until they are overdue.
@Component
class InactiveAgentsAbsent implements AgentPresence {

    private final JdbcClient jdbc;

    InactiveAgentsAbsent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> absentAgents(LocalDate workDate) {
        return new HashSet<>(jdbc.sql("select id from app_user where role = 'AGENT' and not active").query(Long.class).list());
    }
}
