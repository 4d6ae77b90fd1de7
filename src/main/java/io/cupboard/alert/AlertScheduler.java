package io.cupboard.alert;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the alert sweep every {@code cupboard.alerts.interval}, on one instance at a time.
 */
@Component
class AlertScheduler {

    static final String LOCK = "alert-sweep";

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final AlertSweep sweep;

    AlertScheduler(AlertSweep sweep, AlertProperties properties, @Value("${cupboard.jobs.enabled:true}") boolean jobsEnabled) {
        this.sweep = sweep;
        if (jobsEnabled) {
            log.info("Job {} runs every {}", LOCK, properties.interval());
        }
    }

    @Scheduled(fixedDelayString = "${cupboard.alerts.interval:30s}", initialDelayString = "${cupboard.alerts.interval:30s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void run() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            // The sweep logged the failure with its run id; the next run tries again.
        }
    }
}
