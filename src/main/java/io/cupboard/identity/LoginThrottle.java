package io.cupboard.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per user name and per client address in PostgreSQL, so that every
 * application instance sees the same counts. An unknown user name is counted like a known one:
 * the lock must not reveal which names exist.
 */
@Service
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginThrottleProperties properties;

    LoginThrottle(JdbcClient jdbc, Clock clock, LoginThrottleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    boolean isLocked(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select count(*) from login_throttle
                        where throttle_key in (:userKey, :addressKey) and locked_until > :now
                        """)
                .param("userKey", userKey(username))
                .param("addressKey", addressKey(address))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single() > 0;
    }

    @Transactional
    void recordFailure(String username, String address) {
        boolean userLocked = increment(userKey(username), properties.maxFailuresPerUser());
        boolean addressLocked = increment(addressKey(address), properties.maxFailuresPerAddress());
        if (userLocked || addressLocked) {
            // Neither the name nor the address is logged: both are personal data.
            log.warn("Login throttle engaged (user name locked: {}, address locked: {}) for {}",
                    userLocked, addressLocked, properties.lockDuration());
        }
    }

    @Transactional
    void recordSuccess(String username) {
        jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", userKey(username)).update();
    }

    /** Counts one failure and returns whether the key became locked by it. */
    private boolean increment(String key, int maxFailures) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(properties.window()));
        Timestamp lockedUntil = Timestamp.from(now.plus(properties.lockDuration()));
        Boolean locked = jdbc.sql("""
                        insert into login_throttle (throttle_key, failures, window_started_at, locked_until)
                        values (:key, 1, :now, case when 1 >= :max then cast(:lockedUntil as timestamptz) end)
                        on conflict (throttle_key) do update set
                            failures = case when login_throttle.window_started_at < :windowStart
                                            then 1 else login_throttle.failures + 1 end,
                            window_started_at = case when login_throttle.window_started_at < :windowStart
                                                     then excluded.window_started_at else login_throttle.window_started_at end,
                            locked_until = case
                                when (case when login_throttle.window_started_at < :windowStart
                                           then 1 else login_throttle.failures + 1 end) >= :max
                                then cast(:lockedUntil as timestamptz)
                                else login_throttle.locked_until end
                        returning locked_until is not null and locked_until > :now
                        """)
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("max", maxFailures)
                .param("lockedUntil", lockedUntil)
                .param("windowStart", windowStart)
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(locked);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
