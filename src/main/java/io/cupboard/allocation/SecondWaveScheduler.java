package io.cupboard.allocation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the second-wave job every {@code cupboard.allocation.job-interval} on one application
 * instance at a time. Off when {@code cupboard.jobs.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "cupboard.jobs.enabled", matchIfMissing = true)
class SecondWaveScheduler {

    private static final Logger log = LoggerFactory.getLogger(SecondWaveScheduler.class);

    private final SecondWave secondWave;
    private final AllocationProperties properties;

    SecondWaveScheduler(SecondWave secondWave, AllocationProperties properties) {
        this.secondWave = secondWave;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("Second-wave job scheduled every {}: untouched after {} of business time, absence cutoff {}, batch {}",
                properties.jobInterval(), properties.untouchedAfter(), properties.absenceCutoff(), properties.batchSize());
    }

    @Scheduled(fixedDelayString = "${cupboard.allocation.job-interval:1m}", initialDelayString = "${cupboard.allocation.job-interval:1m}")
    @SchedulerLock(name = "allocation-second-wave", lockAtMostFor = "PT10M")
    void run() {
        try {
            secondWave.run();
        } catch (RuntimeException e) {
            // JobRun logged the failure with its run id; the next run starts again.
        }
    }
}
