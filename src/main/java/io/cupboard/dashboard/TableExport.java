package io.cupboard.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes dashboard tables as CSV (UTF-8 with a byte order mark, so Excel opens Hebrew correctly)
 * and XLSX. Text that a spreadsheet would run as a formula is neutralized first.
 */
@Component
public class TableExport {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * Returns text safe to put in a spreadsheet cell: a value starting with =, +, -, @, a tab or a
     * carriage return gets a leading apostrophe, so it shows as text instead of running as a formula.
     */
    public static String neutralize(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    public void writeCsv(Table table, OutputStream output) throws IOException {
        output.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(table.headers().stream().map(TableExport::neutralize).toList());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(csvValue(value));
                }
                printer.printRecord(cells);
            }
        }
    }

    /** Writes an XLSX workbook with one sheet, right to left when {@code rightToLeft} is set. */
    public void writeXlsx(Table table, boolean rightToLeft, OutputStream output) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(table.name());
            sheet.setRightToLeft(rightToLeft);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));

            Row headerRow = sheet.createRow(0);
            for (int column = 0; column < table.headers().size(); column++) {
                Cell cell = headerRow.createCell(column);
                cell.setCellValue(neutralize(table.headers().get(column)));
                cell.setCellStyle(header);
            }
            for (int index = 0; index < table.rows().size(); index++) {
                Row row = sheet.createRow(index + 1);
                List<Object> values = table.rows().get(index);
                for (int column = 0; column < values.size(); column++) {
                    writeCell(row.createCell(column), values.get(column), percent);
                }
            }
            for (int column = 0; column < table.headers().size(); column++) {
                sheet.setColumnWidth(column, 18 * 256);
            }
            workbook.write(output);
        }
    }

    private static void writeCell(Cell cell, Object value, CellStyle percent) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Table.Share share) {
            cell.setCellValue(share.value());
            cell.setCellStyle(percent);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(neutralize(value.toString()));
        }
    }

    private static String csvValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Table.Share share) {
            return String.format(Locale.ROOT, "%.1f%%", share.value() * 100);
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return neutralize(value.toString());
    }
}
