package io.cupboard.identity;

import java.time.Clock;

import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
@Transactional
class AdminBootstrapTest {

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noAdminYet() {
        // Rolled back with the test: other tests' admins become managers for this test only.
        jdbc.sql("update app_user set role = 'MANAGER' where role = 'ADMIN'").update();
    }

    @Test
    void createsFirstAdminFromPassword() {
        new AdminBootstrap(users, passwordEncoder, clock, "a-long-enough-password").run(null);

        User admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwordEncoder.matches("a-long-enough-password", admin.getPasswordHash())).isTrue();
    }

    @Test
    void doesNothingWhenAnAdminExists() {
        new AdminBootstrap(users, passwordEncoder, clock, "a-long-enough-password").run(null);
        long before = users.count();

        new AdminBootstrap(users, passwordEncoder, clock, "another-long-password").run(null);

        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void doesNothingWithoutPassword() {
        new AdminBootstrap(users, passwordEncoder, clock, "").run(null);

        assertThat(users.existsByRole(Role.ADMIN)).isFalse();
    }

    @Test
    void rejectsShortPassword() {
        assertThatThrownBy(() -> new AdminBootstrap(users, passwordEncoder, clock, "short").run(null))
                .hasMessageContaining("at least 12 characters");
    }
}
