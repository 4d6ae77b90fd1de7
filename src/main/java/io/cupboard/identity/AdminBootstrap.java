package io.cupboard.identity;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first admin of a new production database from {@code cupboard.bootstrap.admin-password}.
 * It does nothing once any admin exists, so the property can stay set. When the application has
 * started without any admin, it logs how to create one, because nobody could log in otherwise.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String password;

    AdminBootstrap(UserRepository users, PasswordEncoder passwordEncoder, Clock clock,
                   @Value("${cupboard.bootstrap.admin-password:}") String password) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (password.isBlank() || users.existsByRole(Role.ADMIN)) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("cupboard.bootstrap.admin-password must have at least 12 characters");
        }
        User admin = users.save(new User("admin", passwordEncoder.encode(password), "Admin", Role.ADMIN, null, clock.instant()));
        log.info("Created the first admin user (id {}) from cupboard.bootstrap.admin-password", admin.getId());
    }

    /** Runs after every runner (the demo data too), so it warns only when no admin exists at all. */
    @EventListener(ApplicationReadyEvent.class)
    public void warnWithoutAdmin() {
        if (!users.existsByRole(Role.ADMIN)) {
            log.warn("No admin user exists, so no one can log in to create users. Set cupboard.bootstrap.admin-password "
                    + "(environment variable CUPBOARD_BOOTSTRAP_ADMIN_PASSWORD, at least 12 characters) and restart: "
                    + "the application then creates the user admin with that password");
        }
    }
}
