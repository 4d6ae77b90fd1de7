package io.cupboard.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server, used only when {@code spring.datasource.url} is empty.
 *
 * @param dataDirectory where the server keeps its data between runs
 * @param ephemeral     whether to use a throwaway directory deleted at exit, with durability off (tests)
 * @param port          the TCP port on the loopback address, or 0 for any free port
 * @param databaseName  the database the application uses inside the server
 */
@ConfigurationProperties("cupboard.database.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port,
        @DefaultValue("cupboard") String databaseName) {
}
