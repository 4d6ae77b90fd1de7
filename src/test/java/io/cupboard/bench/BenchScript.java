package io.cupboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a script of {@code bench/sql} through JDBC as psql and pgbench run it: {@code :name} becomes
 * the variable's text, {@code :'name'} its quoted literal, and lines starting with a backslash
 * (psql and pgbench meta-commands) are skipped. Statements end with a semicolon at the end of a
 * line outside dollar quotes, or with pgbench's {@code \gset}, which stores the row's columns as
 * variables for the statements after it.
 */
public final class BenchScript {

    private static final Pattern VARIABLE = Pattern.compile("(?<!:):('?)([a-zA-Z_][a-zA-Z0-9_]*)\\1");
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$[a-zA-Z_]*\\$");

    private static final String GSET = "\\gset";

    private final List<String> rawStatements;
    private final Map<String, Object> variables;

    private BenchScript(List<String> rawStatements, Map<String, ?> variables) {
        this.rawStatements = rawStatements;
        this.variables = new java.util.HashMap<>(variables);
    }

    /** Reads a script from {@code bench/sql} and substitutes the variables. */
    public static BenchScript load(String name, Map<String, ?> variables) {
        Path file = benchDirectory().resolve("sql").resolve(name);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), variables);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the bench script " + file, e);
        }
    }

    static BenchScript parse(String text, Map<String, ?> variables) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String openQuote = null;
        for (String line : text.split("\n", -1)) {
            if (openQuote == null && (line.startsWith("\\") || line.strip().startsWith("--") || line.isBlank())) {
                continue;
            }
            current.append(line).append('\n');
            Matcher quote = DOLLAR_QUOTE.matcher(line);
            while (quote.find()) {
                if (openQuote == null) {
                    openQuote = quote.group();
                } else if (openQuote.equals(quote.group())) {
                    openQuote = null;
                }
            }
            if (openQuote == null && (line.stripTrailing().endsWith(";") || line.stripTrailing().endsWith(GSET))) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new BenchScript(statements, variables);
    }

    private static String substitute(String line, Map<String, ?> variables) {
        Matcher matcher = VARIABLE.matcher(line);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            if (!variables.containsKey(name)) {
                matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group()));
                continue;
            }
            String value = String.valueOf(variables.get(name));
            String replacement = matcher.group(1).isEmpty() ? value : "'" + value.replace("'", "''") + "'";
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Returns the statements with the variables given at load time substituted. */
    public List<String> statements() {
        return rawStatements.stream().map(sql -> substitute(withoutGset(sql), variables)).toList();
    }

    /**
     * Executes every statement on one connection, so temporary tables live across statements.
     * Returns the rows of the last query, each as a map from column label to value.
     */
    public List<Map<String, Object>> execute(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = List.of();
        try (Statement statement = connection.createStatement()) {
            for (String raw : rawStatements) {
                boolean gset = raw.endsWith(GSET);
                if (statement.execute(substitute(withoutGset(raw), variables))) {
                    rows = read(statement.getResultSet());
                    if (gset) {
                        if (rows.size() != 1) {
                            throw new SQLException("Expected one row for \\gset, got " + rows.size() + ": " + raw);
                        }
                        rows.get(0).forEach(variables::put);
                    }
                }
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> read(java.sql.ResultSet result) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        java.sql.ResultSetMetaData columns = result.getMetaData();
        while (result.next()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                row.put(columns.getColumnLabel(column), result.getObject(column));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String withoutGset(String sql) {
        return sql.endsWith(GSET) ? sql.substring(0, sql.length() - GSET.length()).strip() : sql;
    }

    /** Returns the folder {@code bench} of the project, from the working directory or its parent. */
    public static Path benchDirectory() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path candidate = workingDirectory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("bench").resolve("sql"))) {
                return candidate.resolve("bench");
            }
        }
        throw new IllegalStateException("No bench/sql folder in " + workingDirectory
                + " or above; run from the project folder");
    }
}
