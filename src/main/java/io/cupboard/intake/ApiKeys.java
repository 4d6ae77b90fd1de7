package io.cupboard.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of intake sources. A key is {@code cbk_<prefix>_<secret>} with a random 12-character
 * prefix and a 256-bit secret. Only the prefix and the SHA-256 hash of the whole key are stored:
 * the secret has full entropy, so a slow password hash would add cost and no protection. The key
 * is shown once, when it is created.
 */
@Service
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern KEY = Pattern.compile("^cbk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$");
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** last_used_at is written at most this often per key, so busy keys do not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key as the admin pages list it, without its secret. */
    public record ApiKey(long id, long sourceId, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        public boolean isActive() {
            return revokedAt == null;
        }
    }

    /** A newly created key with its secret, to show once. */
    public record NewKey(long id, String prefix, String plaintext) {
    }

    /** The source and key that an API request authenticated with. */
    public record Caller(long keyId, long sourceId) {
    }

    @Transactional
    public NewKey create(long sourceId, Long actorId) {
        StringBuilder prefix = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plaintext = "cbk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        insert into intake_api_key (source_id, key_prefix, key_hash, created_at, created_by)
                        values (:sourceId, :prefix, :hash, :now, :actorId)
                        returning id
                        """)
                .param("sourceId", sourceId)
                .param("prefix", prefix.toString())
                .param("hash", hash(plaintext))
                .param("now", Timestamp.from(clock.instant()))
                .param("actorId", actorId)
                .query(Long.class).single();
        log.info("API key {} ({}) created for intake source {} by user {}", id, prefix, sourceId, actorId);
        return new NewKey(id, prefix.toString(), plaintext);
    }

    @Transactional
    public void revoke(long sourceId, long keyId, Long actorId) {
        int updated = jdbc.sql("""
                        update intake_api_key set revoked_at = :now, revoked_by = :actorId
                        where id = :id and source_id = :sourceId and revoked_at is null
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("actorId", actorId)
                .param("id", keyId)
                .param("sourceId", sourceId)
                .update();
        if (updated == 1) {
            log.info("API key {} of intake source {} revoked by user {}", keyId, sourceId, actorId);
        }
    }

    @Transactional(readOnly = true)
    public List<ApiKey> keys(long sourceId) {
        return jdbc.sql("""
                        select id, source_id, key_prefix, created_at, last_used_at, revoked_at from intake_api_key
                        where source_id = ? order by revoked_at is not null, created_at desc
                        """)
                .param(sourceId)
                .query((row, number) -> new ApiKey(row.getLong("id"), row.getLong("source_id"), row.getString("key_prefix"),
                        row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("last_used_at")),
                        instant(row.getTimestamp("revoked_at"))))
                .list();
    }

    /**
     * Returns the caller of a presented key when the key exists, is not revoked and belongs to an
     * active source. The hash comparison takes the same time for every wrong key of a known prefix.
     */
    @Transactional
    public Optional<Caller> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(presented.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        record Stored(long id, long sourceId, String hash, Instant lastUsedAt) {
        }
        Optional<Stored> stored = jdbc.sql("""
                        select k.id, k.source_id, k.key_hash, k.last_used_at from intake_api_key k
                        join intake_source s on s.id = k.source_id
                        where k.key_prefix = ? and k.revoked_at is null and s.active
                        """)
                .param(matcher.group(1))
                .query((row, number) -> new Stored(row.getLong("id"), row.getLong("source_id"), row.getString("key_hash"),
                        instant(row.getTimestamp("last_used_at"))))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash(presented.strip()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (stored.get().lastUsedAt() == null || stored.get().lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.sql("update intake_api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), stored.get().id()).update();
        }
        return Optional.of(new Caller(stored.get().id(), stored.get().sourceId()));
    }

    private static String hash(String key) {
        return IntakeAdmissions.sha256(key);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
