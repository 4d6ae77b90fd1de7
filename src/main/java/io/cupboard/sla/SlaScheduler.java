package io.cupboard.sla;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the SLA sweep every {@code cupboard.sla.interval}. When several instances share the database,
 * the ShedLock lock lets one of them run it at a time. A call made while another instance holds the
 * lock returns without sweeping.
 */
@Component
class SlaScheduler {

    static final String LOCK = "sla-sweep";

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final SlaSweep sweep;

    SlaScheduler(SlaSweep sweep, SlaProperties properties, @Value("${cupboard.jobs.enabled:true}") boolean jobsEnabled) {
        this.sweep = sweep;
        if (jobsEnabled) {
            log.info("Job {} runs every {}", LOCK, properties.interval());
        }
    }

    @Scheduled(fixedDelayString = "${cupboard.sla.interval:1m}", initialDelayString = "${cupboard.sla.interval:1m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void run() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            // The sweep logged the failure with its run id; the next run tries again.
        }
    }
}
