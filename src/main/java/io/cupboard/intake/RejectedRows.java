package io.cupboard.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cupboard.identity.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an import's rejected records as a CSV file in the original columns plus a reason column,
 * ready to fix and upload again. The file is UTF-8 with a BOM, which Excel needs to show Hebrew.
 * Values that a spreadsheet would run as a formula get a leading apostrophe (see {@link #guard}).
 */
@Service
public class RejectedRows {

    /** Leading characters that make a spreadsheet cell a formula, including tab and carriage return. */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
    /** A phone number or a plain number: text a spreadsheet can only compute as arithmetic, never run. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("^[+\\-]?[0-9 ()./\\-]+$");

    private final ImportBatches batches;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;
    private final MessageSource messages;

    RejectedRows(ImportBatches batches, JdbcTemplate jdbcTemplate, JsonMapper json, MessageSource messages) {
        this.batches = batches;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.messages = messages;
    }

    /** Returns the download's file name: the original name with {@code -rejected.csv}. */
    public String fileName(ImportBatch batch) {
        String name = batch.fileName();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-rejected.csv";
    }

    /** Streams the rejected records of a batch the user may see, in record order. */
    @Transactional(readOnly = true)
    public void write(long batchId, CurrentUser user, Locale locale, OutputStream output) throws IOException {
        ImportBatch batch = batches.batch(batchId, user);
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(batch.headers());
        header.add(messages.getMessage("intake.rejected.reasonColumn", null, locale));
        printer.printRecord(header.stream().map(RejectedRows::guard).toList());

        // A cursor with a fetch size keeps a file of many rejected records out of memory.
        JdbcTemplate cursor = new JdbcTemplate(jdbcTemplate.getDataSource());
        cursor.setFetchSize(500);
        cursor.query("""
                        select raw_values::text as raw_values, reason, field from import_row
                        where batch_id = ? and fate = 'REJECTED' order by record_number
                        """,
                row -> {
                    List<String> values = new ArrayList<>(json.readValue(row.getString("raw_values"), new TypeReference<List<String>>() {
                    }));
                    while (values.size() < batch.headers().size()) {
                        values.add(null);
                    }
                    values.add(reasonText(row.getString("reason"), row.getString("field"), locale));
                    try {
                        printer.printRecord(values.stream().map(RejectedRows::guard).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                batchId);
        printer.flush();
    }

    private String reasonText(String reason, String field, Locale locale) {
        String text = messages.getMessage(RejectionReason.valueOf(reason).messageKey(), null, locale);
        if (field == null) {
            return text;
        }
        return messages.getMessage(LeadField.valueOf(field).messageKey(), null, locale) + ": " + text;
    }

    /**
     * Prefixes an apostrophe to a value that starts like a formula (=, +, -, @, tab, carriage
     * return), so a spreadsheet shows it as text instead of running it. Phone numbers such as
     * {@code +972 54 223 3445} stay as they are: with digits and separators only, they cannot call
     * a function. Importing strips the apostrophe again.
     */
    static String guard(String value) {
        if (value == null || value.isEmpty() || !FORMULA_START.matcher(value).find() || NUMBER_LIKE.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }
}
