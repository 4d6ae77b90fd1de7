package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers that must not be dialled again: people who asked not to be called and wrong numbers.
 * Imports and the intake API check it before creating a lead.
 */
@Service
public class DoNotCallList {

    /** Why a number is on the list. */
    public enum Reason {
        REQUESTED, WRONG_NUMBER, IMPORTED
    }

    private final JdbcClient jdbc;

    DoNotCallList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a number; a number already listed keeps its first entry. */
    @Transactional
    public void add(String phoneE164, Reason reason, Long addedBy, Instant at) {
        jdbc.sql("""
                        insert into do_not_call (phone_e164, reason, added_at, added_by)
                        values (:phone, :reason, :at, :addedBy)
                        on conflict (phone_e164) do nothing
                        """)
                .param("phone", phoneE164)
                .param("reason", reason.name())
                .param("at", Timestamp.from(at))
                .param("addedBy", addedBy)
                .update();
    }

    @Transactional(readOnly = true)
    public boolean contains(String phoneE164) {
        return phoneE164 != null && jdbc.sql("select exists (select 1 from do_not_call where phone_e164 = ?)")
                .param(phoneE164).query(Boolean.class).single();
    }
}
