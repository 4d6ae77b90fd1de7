package io.cupboard.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded pool that runs file imports, apart from the request threads so the pages stay
 * responsive while a large file imports.
 */
@Configuration(proxyBeanMethods = false)
class ImportExecutorConfiguration {

    static final String EXECUTOR = "intakeImportExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor intakeImportExecutor(IntakeProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("intake-import-");
        executor.setCorePoolSize(properties.fileImport().threads());
        executor.setMaxPoolSize(properties.fileImport().threads());
        executor.setQueueCapacity(properties.fileImport().queueCapacity());
        // A run cut off by shutdown keeps its committed chunks and is resumed by recovery.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }
}
