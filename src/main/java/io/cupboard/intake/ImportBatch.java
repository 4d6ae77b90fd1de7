package io.cupboard.intake;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded file and what its import did, as the import pages show it.
 *
 * @param headers       the file's column names, cleaned
 * @param mapping       the column mapping: proposed until the import starts, then the one used
 * @param recordsTotal  data records in the file (the header not counted, blank records counted)
 * @param failure       the message key of why the import failed, or null
 */
public record ImportBatch(long id, long sourceId, String sourceName, String fileName, long fileSize, String checksum,
                          String format, String encoding, String delimiter, List<String> headers, ColumnMapping mapping,
                          Status status, int recordsTotal, Counts counts, Instant createdAt, long createdBy,
                          String createdByName, Instant startedAt, Instant finishedAt, String failure) {

    public enum Status {
        /** Uploaded; waiting for the user to confirm the column mapping. */
        MAPPING,
        /** Waiting for a thread. */
        QUEUED,
        RUNNING,
        COMPLETED,
        /** Stopped by an error; the records before it are imported and the rest can be resumed. */
        FAILED,
        /** Stopped by the user; the records before it are imported. */
        CANCELLED;

        public boolean isInProgress() {
            return this == QUEUED || this == RUNNING;
        }

        public boolean isFinished() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }

        public String messageKey() {
            return "intake.batch.status." + name();
        }
    }

    /**
     * The fates of the records processed so far. Their sum is the records read: imported +
     * duplicates (merged, reopened or re-delivered) + rejected + blocked + blank.
     */
    public record Counts(int imported, int merged, int reopened, int duplicate, int rejected, int blocked, int blank) {

        public int total() {
            return imported + merged + reopened + duplicate + rejected + blocked + blank;
        }

        /** Records that matched a lead the center already had (merged, reopened) or came again. */
        public int duplicates() {
            return merged + reopened + duplicate;
        }
    }

    /** Returns the delimiter of a text file as people name it (comma, semicolon, tab, pipe), or null for XLSX. */
    public String delimiterName() {
        if (delimiter == null) {
            return null;
        }
        return switch (delimiter) {
            case "\t" -> "tab";
            case ";" -> "semicolon";
            case "|" -> "pipe";
            default -> "comma";
        };
    }

    public int processed() {
        return counts.total();
    }

    /** Returns the share of records processed, from 0 to 100. */
    public int percent() {
        if (status == Status.COMPLETED) {
            return 100;
        }
        return recordsTotal == 0 ? 0 : (int) Math.min(100, (long) processed() * 100 / recordsTotal);
    }
}
