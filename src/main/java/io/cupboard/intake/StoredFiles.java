package io.cupboard.intake;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps uploaded files in PostgreSQL in pieces of 1 MB, so any application instance can resume an
 * import, and reads them back as a stream that keeps one piece in memory at a time.
 */
@Component
class StoredFiles {

    static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcClient jdbc;

    StoredFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The result of storing a file.
     *
     * @param sample the first {@code sampleSize} bytes, for format detection
     */
    record Stored(long size, String checksum, byte[] sample) {

        boolean sampleIsWholeFile() {
            return sample.length == size;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Stored store(long batchId, InputStream input, int sampleSize) throws IOException {
        MessageDigest digest = sha256();
        byte[] sample = null;
        long size = 0;
        int index = 0;
        try (DigestInputStream digesting = new DigestInputStream(input, digest)) {
            while (true) {
                byte[] chunk = digesting.readNBytes(CHUNK_SIZE);
                if (chunk.length == 0) {
                    break;
                }
                if (sample == null) {
                    sample = Arrays.copyOf(chunk, Math.min(chunk.length, sampleSize));
                }
                jdbc.sql("insert into import_file_chunk (batch_id, chunk_index, data) values (?, ?, ?)")
                        .params(batchId, index++, chunk)
                        .update();
                size += chunk.length;
            }
        }
        return new Stored(size, HexFormat.of().formatHex(digest.digest()), sample == null ? new byte[0] : sample);
    }

    /** Opens a stored file. Each read of a new piece is one query, in the caller's transaction if any. */
    InputStream open(long batchId) {
        return new ChunkInputStream(batchId);
    }

    boolean exists(long batchId) {
        return jdbc.sql("select exists (select 1 from import_file_chunk where batch_id = ?)").param(batchId)
                .query(Boolean.class).single();
    }

    void delete(long batchId) {
        jdbc.sql("delete from import_file_chunk where batch_id = ?").param(batchId).update();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private final class ChunkInputStream extends InputStream {

        private final long batchId;
        private int nextIndex;
        private byte[] current = new byte[0];
        private int position;
        private boolean finished;

        ChunkInputStream(long batchId) {
            this.batchId = batchId;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean fill() {
            while (position >= current.length) {
                if (finished) {
                    return false;
                }
                byte[] next = jdbc.sql("select data from import_file_chunk where batch_id = ? and chunk_index = ?")
                        .params(batchId, nextIndex++)
                        .query(byte[].class).optional().orElse(null);
                if (next == null) {
                    finished = true;
                    return false;
                }
                current = next;
                position = 0;
            }
            return true;
        }
    }
}
