package io.cupboard.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the demo center the intake sources its demo leads name, and one outbound call list, so
 * file import and the API work out of the box. Active only with {@code cupboard.demo.enabled=true}
 * and only on a database without sources.
 */
@Component
@ConditionalOnBooleanProperty("cupboard.demo.enabled")
class IntakeDemoSources {

    private static final Logger log = LoggerFactory.getLogger(IntakeDemoSources.class);

    private final IntakeSources sources;

    IntakeDemoSources(IntakeSources sources) {
        this.sources = sources;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createSources() {
        if (!sources.all().isEmpty()) {
            return;
        }
        sources.create("facebook", "פייסבוק", IntakeSource.Direction.INBOUND, null);
        sources.create("instagram", "אינסטגרם", IntakeSource.Direction.INBOUND, null);
        sources.create("google", "גוגל", IntakeSource.Direction.INBOUND, null);
        sources.create("website", "טופס באתר", IntakeSource.Direction.INBOUND, null);
        sources.create("referral", "המלצות", IntakeSource.Direction.INBOUND, null);
        sources.create("cold-list", "רשימת חיוג שנקנתה", IntakeSource.Direction.OUTBOUND, null);
        log.info("Created 6 demo intake sources");
    }
}
