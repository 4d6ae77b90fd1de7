package io.cupboard.intake.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lead files record by record, whatever their format, without loading them whole.
 */
public final class LeadFiles {

    private LeadFiles() {
    }

    /**
     * Reads the records of a file in order until the visitor returns false. The header is the
     * first record delivered.
     *
     * @throws UnreadableFileException when the file cannot be read as the given format
     */
    public static void read(InputStream input, FileFormat format, RecordVisitor visitor) throws IOException {
        switch (format.kind()) {
            case CSV -> CsvRecords.read(input, format, visitor);
            case XLSX -> XlsxRecords.read(input, visitor);
        }
    }
}
