package io.cupboard.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo center once: two teams, a manager, an admin, two team leads, eight agents and
 * about 1,500 leads in every type and status, each open lead with its one open task. A database
 * that already has the {@code admin} user is left as it is, so restarts add nothing.
 */
@Component
@ConditionalOnBooleanProperty("cupboard.demo.enabled")
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final TeamRepository teams;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DemoProperties properties;

    DemoDataLoader(TeamRepository teams, UserRepository users, PasswordEncoder passwordEncoder,
                   JdbcTemplate jdbc, Clock clock, DemoProperties properties) {
        this.teams = teams;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (users.findByUsername("admin").isPresent()) {
            log.info("Demo data already present; nothing loaded");
            return;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        String passwordHash = passwordEncoder.encode(DEMO_PASSWORD);

        Team north = teams.save(new Team("צוות צפון", 6, now));
        Team south = teams.save(new Team("צוות דרום", 6, now));
        users.save(new User("admin", passwordHash, "מנהל מערכת", Role.ADMIN, null, now));
        users.save(new User("manager", passwordHash, "רונית אברהמי", Role.MANAGER, null, now));
        users.save(new User("teamlead1", passwordHash, "אבי כהן", Role.TEAM_LEAD, north.getId(), now));
        users.save(new User("teamlead2", passwordHash, "מיכל לוי", Role.TEAM_LEAD, south.getId(), now));
        List<String> agentNames = List.of("נועה פרץ", "יוסי ביטון", "שירה דהן", "איתי מזרחי",
                "מאיה חדד", "עומר גבאי", "ליאן חורי", "דמיטרי קוגן");
        List<User> agents = new ArrayList<>();
        for (int i = 0; i < agentNames.size(); i++) {
            Team team = i < 4 ? north : south;
            User agent = new User("agent" + (i + 1), passwordHash, agentNames.get(i), Role.AGENT, team.getId(), now);
            if (i == 6) {
                agent.changeLanguages(List.of("he", "ar"));
            } else if (i == 7) {
                agent.changeLanguages(List.of("he", "ru"));
            }
            agents.add(users.save(agent));
        }
        users.flush();

        // Agents 2–8 are at work; agent1 is left for the person trying the demo to open the day.
        for (User agent : agents.subList(1, agents.size())) {
            jdbc.update("insert into work_day (agent_id, work_date, opened_at) values (?, ?, ?)",
                    agent.getId(), now.atZone(clock.getZone()).toLocalDate(), java.sql.Timestamp.from(now));
        }
        int leads = new DemoLeads(jdbc, now, clock.getZone(), new Random(properties.seed()), statusIds(), reasonIds())
                .insert(properties.leadCount(), agents);
        log.info("Loaded demo data: 2 teams, 12 users, {} leads in {} ms",
                leads, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private Map<String, Long> statusIds() {
        return jdbc.query("select code, id from lead_status", (row, i) -> Map.entry(row.getString(1), row.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Long> reasonIds() {
        return jdbc.query("select code, id from disqualification_reason", (row, i) -> Map.entry(row.getString(1), row.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Builds the demo leads with their tasks and timelines and writes them in batches.
     */
    static final class DemoLeads {

        private static final List<String> CLOSING_REASONS = List.of("NOT_INTERESTED", "PRICE", "ALREADY_CUSTOMER",
                "DUPLICATE", "DID_NOT_LEAVE_DETAILS", "OUT_OF_SERVICE_AREA", "NOT_INTERESTED", "PRICE");

        private final JdbcTemplate jdbc;
        private final Instant now;
        private final ZoneId zone;
        private final Random random;
        private final Map<String, Long> statuses;
        private final Map<String, Long> reasons;

        private final List<Object[]> leadRows = new ArrayList<>();
        private final List<Object[]> taskRows = new ArrayList<>();
        private final List<Object[]> activityRows = new ArrayList<>();

        DemoLeads(JdbcTemplate jdbc, Instant now, ZoneId zone, Random random,
                  Map<String, Long> statuses, Map<String, Long> reasons) {
            this.jdbc = jdbc;
            this.now = now;
            this.zone = zone;
            this.random = random;
            this.statuses = statuses;
            this.reasons = reasons;
        }

        int insert(int count, List<User> agents) {
            List<Long> ids = jdbc.queryForList(
                    "select nextval(pg_get_serial_sequence('lead', 'id')) from generate_series(1, ?)", Long.class, count);
            for (Long id : ids) {
                User agent = agents.get(random.nextInt(agents.size()));
                addLead(id, agent);
            }
            jdbc.batchUpdate("""
                    insert into lead (id, full_name, phone_e164, phone_display, email, city, preferred_language, source,
                        campaign, type, status_id, owner_id, team_id, attempt_count, created_at, assigned_at,
                        first_contact_at, last_activity_at, closed_at, disqualification_reason_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, leadRows);
            jdbc.batchUpdate("""
                    insert into task (lead_id, type, state, owner_id, team_id, due_at, sla_deadline_at, created_at)
                    values (?, ?, 'OPEN', ?, ?, ?, ?, ?)
                    """, taskRows);
            jdbc.batchUpdate("""
                    insert into activity (lead_id, kind, outcome, actor_id, created_at, details)
                    values (?, ?, ?, ?, ?, cast(? as jsonb))
                    """, activityRows);
            return leadRows.size();
        }

        private void addLead(long id, User agent) {
            double roll = random.nextDouble();
            boolean pool = roll < 0.03;
            String status = roll < 0.15 ? "NEW" : roll < 0.30 ? "ATTEMPTING" : roll < 0.38 ? "CALLBACK"
                    : roll < 0.52 ? "FOLLOW_UP" : roll < 0.65 ? "WON" : roll < 0.88 ? "NOT_RELEVANT" : "UNREACHABLE";
            double typeRoll = random.nextDouble();
            String type = typeRoll < 0.80 ? "NEW" : typeRoll < 0.92 ? "RENEWED" : "FOLLOW_UP";
            boolean fresh = status.equals("NEW");
            Instant created = fresh
                    ? now.minus(random.nextInt(180), ChronoUnit.MINUTES)
                    : now.minus(1 + random.nextInt(30), ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
            Long ownerId = pool ? null : agent.getId();
            int attempts = switch (status) {
                case "NEW" -> 0;
                case "ATTEMPTING" -> 1 + random.nextInt(4);
                case "UNREACHABLE" -> 5;
                default -> 1 + random.nextInt(2);
            };
            boolean closed = status.equals("WON") || status.equals("NOT_RELEVANT") || status.equals("UNREACHABLE");
            Instant firstContact = attempts > 0 ? created.plus(3 + random.nextInt(90), ChronoUnit.MINUTES) : null;
            Instant closedAt = closed ? min(firstContact.plus(1 + random.nextInt(9), ChronoUnit.DAYS), now) : null;
            Instant lastActivity = closed ? closedAt : firstContact != null ? firstContact : created;
            Long reasonId = switch (status) {
                case "NOT_RELEVANT" -> reasons.get(DemoNames.pick(CLOSING_REASONS, random));
                case "UNREACHABLE" -> reasons.get("NO_CONTACT");
                default -> null;
            };
            String phone = validPhone();
            String language = agent.getLanguages().size() > 1 && random.nextInt(3) == 0 ? agent.getLanguages().get(1) : "he";
            leadRows.add(new Object[] {id, DemoNames.fullName(random), phone, PhoneNumber.displayOf(phone),
                    random.nextInt(3) == 0 ? "lead" + id + "@example.com" : null, DemoNames.city(random), language,
                    DemoNames.pick(DemoNames.SOURCES, random), DemoNames.campaign(random), type, statuses.get(status),
                    ownerId, agent.getTeamId(), attempts, ts(created), ownerId == null ? null : ts(created),
                    ts(firstContact), ts(lastActivity), ts(closedAt), reasonId});

            activityRows.add(new Object[] {id, "CREATED", null, null, ts(created), "{\"source\":\"demo\"}"});
            if (ownerId != null) {
                activityRows.add(new Object[] {id, "ASSIGNED", null, null, ts(created), "{\"ownerId\":" + ownerId + "}"});
            }
            for (int attempt = 1; attempt <= attempts; attempt++) {
                boolean last = attempt == attempts;
                String outcome = !last ? "NO_ANSWER" : switch (status) {
                    case "CALLBACK" -> "CALLBACK";
                    case "FOLLOW_UP" -> "FOLLOW_UP";
                    case "WON" -> "SALE";
                    case "NOT_RELEVANT" -> "NOT_RELEVANT";
                    default -> "NO_ANSWER";
                };
                Instant at = last && closed ? closedAt : firstContact.plus((attempt - 1) * 3L, ChronoUnit.HOURS);
                activityRows.add(new Object[] {id, "CALL", outcome, ownerId, ts(min(at, now)), "{}"});
            }
            if (!closed) {
                addTask(id, status, ownerId, agent.getTeamId(), created);
            }
        }

        private void addTask(long leadId, String status, Long ownerId, Long teamId, Instant created) {
            ZonedDateTime today = now.atZone(zone);
            Instant due;
            Instant slaDeadline = null;
            String type;
            switch (status) {
                case "NEW" -> {
                    type = "FIRST_CONTACT";
                    due = created;
                    slaDeadline = created.plus(5, ChronoUnit.MINUTES);
                }
                case "ATTEMPTING" -> {
                    type = "RETRY";
                    due = now.plus(random.nextInt(30 * 60) - 4 * 60L, ChronoUnit.MINUTES);
                }
                case "CALLBACK" -> {
                    type = "CALLBACK";
                    int quarters = random.nextInt(4 * 30) - 8;
                    due = today.truncatedTo(ChronoUnit.HOURS).plusMinutes(15L * quarters).toInstant();
                }
                default -> {
                    type = "FOLLOW_UP";
                    due = today.plusDays(random.nextInt(10) - 2).withHour(10 + random.nextInt(7))
                            .truncatedTo(ChronoUnit.HOURS).toInstant();
                }
            }
            taskRows.add(new Object[] {leadId, type, ownerId, teamId, ts(due), ts(slaDeadline), ts(created)});
        }

        /** Draws numbers until libphonenumber accepts one: not every block of a valid prefix is allocated. */
        private String validPhone() {
            while (true) {
                var phone = PhoneNumber.tryParse(DemoNames.phone(random));
                if (phone.isPresent()) {
                    return phone.get().e164();
                }
            }
        }

        private static Instant min(Instant first, Instant second) {
            return first.isBefore(second) ? first : second;
        }

        private static Timestamp ts(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }
    }
}
