package io.cupboard.intake.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a delimited text file with Commons CSV: quotes as RFC 4180 has them, any
 * line ending, and empty lines kept as blank records so the record numbers match the file.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    static void read(InputStream input, FileFormat format, RecordVisitor visitor) throws IOException {
        input.skipNBytes(format.bomLength());
        var decoder = format.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CSVFormat csv = CSVFormat.RFC4180.builder()
                .setDelimiter(format.delimiter())
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, decoder), 64 * 1024);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.size());
                record.forEach(value -> values.add(value.isEmpty() ? null : value));
                if (!visitor.visit(new SourceRecord((int) record.getRecordNumber(), values))) {
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports a malformed record (an unclosed quote) this way.
            throw new UnreadableFileException("intake.file.error.malformed", "Malformed CSV: " + e.getCause().getMessage(), e);
        }
    }
}
