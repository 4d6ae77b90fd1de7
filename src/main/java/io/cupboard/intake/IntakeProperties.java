package io.cupboard.intake;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of file imports and the intake API.
 */
@ConfigurationProperties("cupboard.intake")
@Validated
public record IntakeProperties(@Valid @DefaultValue Import fileImport, @Valid @DefaultValue Api api) {

    /**
     * File imports.
     *
     * @param chunkSize    records committed together in one transaction, with their leads and fates
     * @param threads      imports that run at the same time on one instance
     * @param queueCapacity imports that wait for a thread; more stay queued in the database for recovery
     * @param staleAfter   how long a running import may go without a committed chunk before another
     *                     run (on any instance) resumes it
     * @param maxAttempts  runs of one import before it is reported as failed, so a file that crashes
     *                     the application does not crash it forever
     * @param previewRows  records shown in the mapping step's preview
     * @param recoveryInterval how often queued and stale imports are looked for (with jobs enabled)
     */
    public record Import(
            @DefaultValue("500") @Min(1) @Max(5000) int chunkSize,
            @DefaultValue("2") @Min(1) @Max(16) int threads,
            @DefaultValue("20") @Min(0) int queueCapacity,
            @DefaultValue("2m") @NotNull Duration staleAfter,
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("10") @Min(1) @Max(100) int previewRows,
            @DefaultValue("30s") @NotNull Duration recoveryInterval) {
    }

    /**
     * The REST intake API.
     *
     * @param maxRequestSize       the largest request body accepted; larger ones get 413
     * @param requestsPerMinute    requests one API key may make per calendar minute; more get 429
     * @param idempotencyRetention how long a response is kept for replay under its {@code Idempotency-Key}
     */
    public record Api(
            @DefaultValue("16KB") @NotNull DataSize maxRequestSize,
            @DefaultValue("120") @Min(1) int requestsPerMinute,
            @DefaultValue("24h") @NotNull Duration idempotencyRetention) {

        @AssertTrue(message = "cupboard.intake.api.idempotency-retention must be at least 24 hours")
        boolean isRetentionAtLeastOneDay() {
            return idempotencyRetention == null || idempotencyRetention.compareTo(Duration.ofHours(24)) >= 0;
        }
    }
}
