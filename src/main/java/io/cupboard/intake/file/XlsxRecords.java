package io.cupboard.intake.file;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of the first sheet of an XLSX workbook with POI's SAX event API, so a sheet of
 * 100,000 rows is never loaded as a whole. Only the shared-strings table stays in memory. Rows
 * missing from the sheet between data rows are reported as blank records. A formula gives its
 * cached value, a date cell its wall time in ISO form ({@code 2026-03-26T12:00}), and a number
 * all its digits ({@code 972505345678}, not {@code 9.72506E+11}). Later sheets are ignored.
 */
final class XlsxRecords {

    private XlsxRecords() {
    }

    static void read(InputStream input, RecordVisitor visitor) throws IOException {
        // OPCPackage reads a ZIP file by random access; from a stream it would buffer the whole file.
        Path file = Files.createTempFile("cupboard-import-", ".xlsx");
        try {
            Files.copy(input, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                readFirstSheet(workbook, visitor);
            } catch (NotOfficeXmlFileException | InvalidFormatException e) {
                throw new UnreadableFileException("intake.file.error.notXlsx", "Not an XLSX workbook: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void readFirstSheet(OPCPackage workbook, RecordVisitor visitor) throws IOException {
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("intake.file.error.noSheet", "The workbook has no sheet");
            }
            RowCollector rows = new RowCollector(visitor);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainDataFormatter(), false));
                parser.parse(new InputSource(sheet));
            } catch (StopReading stop) {
                // The visitor has read what it needs.
            }
        } catch (SAXException | OpenXML4JException | javax.xml.parsers.ParserConfigurationException e) {
            throw new UnreadableFileException("intake.file.error.notXlsx", "Unreadable XLSX workbook: " + e.getMessage(), e);
        }
    }

    /** Collects the cells of each row and hands complete rows to the visitor. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RecordVisitor visitor;
        private List<String> cells = new ArrayList<>();
        private int lastRow = -1;

        RowCollector(RecordVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowIndex) {
            // Rows are zero-based here; a record number is the row number people see.
            if (lastRow >= 0) {
                for (int missing = lastRow + 1; missing < rowIndex; missing++) {
                    deliver(new SourceRecord(missing + 1, List.of()));
                }
            }
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowIndex) {
            lastRow = rowIndex;
            deliver(new SourceRecord(rowIndex + 1, cells));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue == null || formattedValue.isEmpty() ? null : formattedValue);
        }

        private void deliver(SourceRecord record) {
            if (!visitor.visit(record)) {
                throw new StopReading();
            }
        }
    }

    /**
     * Stops the SAX parse when the visitor has read enough. It is unchecked because the handler's
     * callbacks cannot throw checked exceptions, and the parser passes it through unchanged.
     */
    private static final class StopReading extends RuntimeException {

        StopReading() {
            super(null, null, false, false);
        }
    }

    /**
     * Formats numbers and dates as data, not as a spreadsheet displays them.
     *
     * <p>NOTE: dates are read in the 1900 date system; a workbook saved with the 1904 system (old
     * Excel for Mac) gives dates four years and a day early.
     */
    private static final class PlainDataFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return time.toString();
            }
            BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        }
    }
}
