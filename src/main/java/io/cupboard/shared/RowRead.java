package io.cupboard.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A select of at most one row that one module owns and another module's query can send in its own
 * round trip to PostgreSQL, so that a page needing both waits for the database once. The select
 * names its parameters, and its names must differ from those of the query that carries it.
 *
 * @param sql        a select of at most one row, with named parameters
 * @param parameters the parameter values by name; a null that needs a type is an
 *                   {@link org.springframework.jdbc.core.SqlParameterValue}
 * @param mapper     maps the row
 * @param none       gives the value when the select finds no row
 * @param <T>        what the row is read as
 */
public record RowRead<T>(String sql, Map<String, ?> parameters, RowMapper<T> mapper, Supplier<T> none) {

    /** Runs the select on its own. */
    public T run(JdbcClient jdbc) {
        return jdbc.sql(sql).params(parameters).query(mapper).optional().orElseGet(none);
    }

    /** Reads this select's result from a statement that sent it together with another. */
    public T read(ResultSet rows) throws SQLException {
        return rows.next() ? mapper.mapRow(rows, 1) : none.get();
    }
}
