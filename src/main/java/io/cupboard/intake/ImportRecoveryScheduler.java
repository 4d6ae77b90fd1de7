package io.cupboard.intake;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link ImportRecovery} every {@code cupboard.intake.file-import.recovery-interval} when jobs are enabled. */
@Component
class ImportRecoveryScheduler {

    private final ImportRecovery recovery;

    ImportRecoveryScheduler(ImportRecovery recovery) {
        this.recovery = recovery;
    }

    @Scheduled(fixedDelayString = "${cupboard.intake.file-import.recovery-interval:30s}",
            initialDelayString = "${cupboard.intake.file-import.recovery-interval:30s}")
    @SchedulerLock(name = "intake-import-recovery", lockAtMostFor = "PT1M")
    void resumeInterrupted() {
        recovery.resumeInterrupted();
    }
}
