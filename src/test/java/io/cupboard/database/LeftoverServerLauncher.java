package io.cupboard.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts an embedded server on a data directory, writes a row, and ends the JVM without any
 * shutdown hook, as {@code kill -9} would: the server stays running with no owner.
 */
public final class LeftoverServerLauncher {

    private LeftoverServerLauncher() {
    }

    public static void main(String[] arguments) throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(Path.of(arguments[0]), false, 0, "postgres");
        EmbeddedPostgres postgres = EmbeddedPostgresServer.start(properties);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table survivor (note text)");
            statement.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("STARTED " + postgres.getPort());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
