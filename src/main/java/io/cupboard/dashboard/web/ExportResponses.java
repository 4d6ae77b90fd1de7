package io.cupboard.dashboard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.cupboard.dashboard.Table;
import io.cupboard.dashboard.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a dashboard table as a CSV or XLSX download.
 */
@Component
class ExportResponses {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TableExport export;

    ExportResponses(TableExport export) {
        this.export = export;
    }

    void send(Table table, String format, String fileName, boolean rightToLeft, HttpServletResponse response) throws IOException {
        boolean csv = "csv".equals(format);
        response.setContentType(csv ? "text/csv;charset=UTF-8" : XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString());
        if (csv) {
            export.writeCsv(table, response.getOutputStream());
        } else {
            export.writeXlsx(table, rightToLeft, response.getOutputStream());
        }
    }
}
