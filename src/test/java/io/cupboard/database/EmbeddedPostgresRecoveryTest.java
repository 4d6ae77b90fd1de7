package io.cupboard.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresRecoveryTest {

    @TempDir
    Path folder;

    @Test
    void startAfterCrashStopsLeftoverServerAndKeepsData() throws Exception {
        Path dataDirectory = folder.resolve("postgres");
        crashWithServerRunning(dataDirectory);
        long leftoverPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDirectory, false, 0, "postgres");
        try (EmbeddedPostgres restarted = EmbeddedPostgresServer.start(properties);
             Connection connection = restarted.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select note from survivor")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("written before the crash");
            assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
        assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void secondProcessOnSameDataDirectoryIsRejected() throws Exception {
        Path dataDirectory = folder.resolve("shared");
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDirectory, false, 0, "postgres");
        try (EmbeddedPostgres first = EmbeddedPostgresServer.start(properties)) {
            assertThat(first.getPort()).isPositive();

            Process second = launcher(dataDirectory).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(second.getInputStream().readAllBytes());

            assertThat(second.exitValue()).isNotZero();
            assertThat(output).contains("Another process uses the PostgreSQL data directory");
        }
    }

    private void crashWithServerRunning(Path dataDirectory) throws Exception {
        Process process = launcher(dataDirectory).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(output).contains("STARTED");
    }

    private static ProcessBuilder launcher(Path dataDirectory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LeftoverServerLauncher.class.getName(), dataDirectory.toString()))
                .redirectErrorStream(true);
    }
}
