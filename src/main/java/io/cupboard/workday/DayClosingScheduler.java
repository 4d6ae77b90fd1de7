package io.cupboard.workday;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the day-closing job on a timer, on one application instance at a time.
 */
@Component
@ConditionalOnBooleanProperty(name = "cupboard.jobs.enabled", matchIfMissing = true)
class DayClosingScheduler {

    private static final Logger log = LoggerFactory.getLogger(DayClosingScheduler.class);

    private final DayClosingJob job;

    DayClosingScheduler(DayClosingJob job, WorkdayProperties properties) {
        this.job = job;
        log.info("Day-closing job scheduled every {}", properties.carryInterval());
    }

    @Scheduled(fixedDelayString = "${cupboard.workday.carry-interval:1h}", initialDelayString = "PT1M")
    @SchedulerLock(name = "day-closing", lockAtMostFor = "PT30M")
    void run() {
        try {
            job.closeLastWorkingDay();
        } catch (RuntimeException e) {
            log.error("Day-closing job failed", e);
        }
    }
}
