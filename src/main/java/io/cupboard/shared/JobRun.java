package io.cupboard.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;

/**
 * One run of a scheduled job, for its log lines: a start line, and a finish line with the counts
 * of changed rows and the time taken, or a failure line with the error. Each run has a short id
 * that every line carries, so the lines of one run can be found together.
 */
public final class JobRun {

    private final Logger log;
    private final String job;
    private final String runId;
    private final long started;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    private JobRun(Logger log, String job) {
        this.log = log;
        this.job = job;
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.started = System.nanoTime();
    }

    public static JobRun start(Logger log, String job) {
        JobRun run = new JobRun(log, job);
        log.debug("Job {} run {} started", job, run.runId);
        return run;
    }

    /** Adds rows changed by one transition of the run. */
    public JobRun count(String transition, long rows) {
        counts.merge(transition, rows, Long::sum);
        return this;
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Logs the counts and duration: at INFO when rows changed, at DEBUG for an idle run. */
    public void finished() {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (total() > 0) {
            log.info("Job {} run {} finished in {} ms: {}", job, runId, millis, counts);
        } else {
            log.debug("Job {} run {} finished in {} ms: nothing to do", job, runId, millis);
        }
    }

    public void failed(Exception error) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.error("Job {} run {} failed after {} ms with counts {}", job, runId, millis, counts, error);
    }

    public String runId() {
        return runId;
    }
}
