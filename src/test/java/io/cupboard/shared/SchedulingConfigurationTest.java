package io.cupboard.shared;

import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run with {@code cupboard.jobs.enabled=false}, so no job may run on a timer: a test
 * calls a job itself after setting the clock, and a timer would run the same job at a moment the
 * test does not control.
 */
@IntegrationTest
class SchedulingConfigurationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void timersOffWhenJobsDisabled() {
        assertThat(context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
    }
}
