package io.cupboard.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL server per JVM, shared by every application context in it (the test
 * suite caches several contexts, and they must not each start a server).
 *
 * <p>The server is stopped from Spring Boot's shutdown handlers, which run after every context has
 * closed. The library's own JVM shutdown hook is off because it would stop the server while the
 * connection pool and the schedulers are still closing, and they would then hang.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    private static EmbeddedPostgres server;
    private static EmbeddedDatabaseProperties runningWith;
    private static final java.util.Set<String> databases = new java.util.HashSet<>();

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts the server on first use, creates the named database in it if missing, and returns
     * that database's JDBC URL. Contexts that name another database share the server but not
     * the data, which lets a test work on an empty database.
     */
    static synchronized String jdbcUrl(EmbeddedDatabaseProperties properties) {
        if (server == null) {
            server = start(properties);
            runningWith = properties;
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServer::stop);
        } else if (!sameServer(runningWith, properties)) {
            log.warn("Embedded PostgreSQL already runs with {}; ignoring the different server settings {}", runningWith, properties);
        }
        if (databases.add(properties.databaseName())) {
            try {
                createDatabaseIfMissing(server, properties.databaseName());
            } catch (IOException e) {
                databases.remove(properties.databaseName());
                throw new UncheckedIOException(e);
            }
        }
        return server.getJdbcUrl("postgres", properties.databaseName());
    }

    private static boolean sameServer(EmbeddedDatabaseProperties first, EmbeddedDatabaseProperties second) {
        return first.ephemeral() == second.ephemeral() && first.port() == second.port()
                && first.dataDirectory().equals(second.dataDirectory());
    }

    static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            log.info("Stopped embedded PostgreSQL on port {}", server.getPort());
        } catch (IOException e) {
            log.error("Failed to stop embedded PostgreSQL on port {}", server.getPort(), e);
        } finally {
            server = null;
            runningWith = null;
            databases.clear();
        }
    }

    /** Starts a server with the given settings; callers own it and must close it. */
    static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        String location;
        if (properties.ephemeral()) {
            // Durability is pointless for a throwaway test database and costs seconds per suite.
            builder.setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            location = "a temporary directory";
        } else {
            Path directory = properties.dataDirectory().toAbsolutePath().normalize();
            prepareDataDirectory(directory);
            // The library starts the server with -F (fsync off) and synchronous_commit off; data
            // that users keep needs both on, and a later -c option overrides the earlier -F.
            builder.setDataDirectory(directory).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            location = directory.toString();
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("Started embedded PostgreSQL on port {} with data in {} in {} ms",
                    postgres.getPort(), location, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start embedded PostgreSQL with data in " + location
                    + "; set SPRING_DATASOURCE_URL to use an external server instead", e);
        }
    }

    private static void prepareDataDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (!Files.exists(directory.resolve("postgresql.conf"))) {
                // Not initialized yet: initdb needs an empty folder, and a lock file from an
                // interrupted first start would make it fail.
                Files.deleteIfExists(directory.resolve(LIBRARY_LOCK_FILE));
                return;
            }
            ensureNoOtherProcessUses(directory);
            stopLeftoverServer(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare the PostgreSQL data directory " + directory, e);
        }
    }

    /**
     * Fails when a live process (another CupBoard) holds the library's lock on the directory: its
     * server is in use, so it must not be stopped as a leftover.
     */
    private static void ensureNoOtherProcessUses(Path directory) throws IOException {
        Path lockFile = directory.resolve(LIBRARY_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another process uses the PostgreSQL data directory " + directory
                        + "; stop it or set cupboard.database.embedded.data-directory to another folder");
            }
        }
    }

    /**
     * Stops a server left running by a process that was killed (pg_ctl detaches the server, so it
     * outlives the JVM that started it). PostgreSQL itself recovers the data on the next start.
     */
    private static void stopLeftoverServer(Path directory) throws IOException {
        Optional<ProcessHandle> leftover = leftoverPostmaster(directory);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = leftover.get();
        log.warn("Found PostgreSQL (pid {}) left running on {} by an earlier run; stopping it", postmaster.pid(), directory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            log.info("Stopped leftover PostgreSQL (pid {})", postmaster.pid());
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") on " + directory
                    + " did not stop within " + LEFTOVER_STOP_WAIT.toSeconds() + " s; stop it by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping leftover PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Failed to wait for leftover PostgreSQL to stop", e);
        }
    }

    private static Optional<ProcessHandle> leftoverPostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        // A stale pid file may name a recycled pid, so only a live postgres process counts.
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String databaseName) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, databaseName);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + databaseName.replace("\"", "\"\"") + "\" encoding 'UTF8'");
            }
            log.info("Created database {} in embedded PostgreSQL", databaseName);
        } catch (SQLException e) {
            throw new IOException("Failed to create database " + databaseName, e);
        }
    }
}
