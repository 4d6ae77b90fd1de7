package io.cupboard.intake.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadFilesTest {

    @Test
    void utf8WithBomReadsFirstHeaderWithoutMark() throws IOException {
        byte[] file = sample("leads_utf8_bom.csv");
        FileFormat format = inspect(file, "leads_utf8_bom.csv");

        List<SourceRecord> records = readAll(file, format);

        assertThat(format.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(format.bomLength()).isEqualTo(3);
        assertThat(format.delimiter()).isEqualTo(',');
        assertThat(records.get(0).values()).containsExactly("first_name", "last_name", "phone", "email", "city", "notes");
        assertThat(records).hasSize(6);
        assertThat(records.get(2).values().get(4)).isEqualTo("ת\"א");
        assertThat(records.get(2).values().get(5)).isEqualTo("מעוניינת ב\"חבילה, משפחתית\"");
        assertThat(records.get(3).values().get(0)).isEqualTo("אֱלִיאוֹר");
        assertThat(records.get(4).values().get(5)).isEqualTo("חזרה אחרי 17:00 🙂");
        assertThat(records.get(5).number()).isEqualTo(6);
    }

    @Test
    void windows1255DecodesHebrewAndShekel() throws IOException {
        byte[] file = sample("leads_excel_1255.csv");
        FileFormat format = inspect(file, "leads_excel_1255.csv");

        List<SourceRecord> records = readAll(file, format);

        assertThat(format.charset()).isEqualTo(Charset.forName("windows-1255"));
        assertThat(records.get(0).values()).containsExactly("שם פרטי", "שם משפחה", "טלפון", "אימייל", "עיר", "הערות");
        assertThat(records.get(1).values().get(5)).isEqualTo("תקציב 5,000 ₪");
        assertThat(records.get(3).values().get(2)).isEqualTo("9.72523E+11");
        assertThat(records.get(4).values().get(5)).isEqualTo("לקוח \"חם\"");
    }

    @Test
    void metaExportIsUtf16TabSeparated() throws IOException {
        byte[] file = sample("leads_fb_utf16.csv");
        FileFormat format = inspect(file, "leads_fb_utf16.csv");

        List<SourceRecord> records = readAll(file, format);

        assertThat(format.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(format.delimiter()).isEqualTo('\t');
        assertThat(records.get(0).values().subList(0, 3)).containsExactly("id", "created_time", "ad_id");
        assertThat(records.get(0).values()).contains("מתי_נוח_לך_שנחזור_אליך?", "phone_number");
        assertThat(records).hasSize(7);
        assertThat(records.get(1).values().get(13)).isEqualTo("p:+972523456789");
    }

    @Test
    void xlsxReadsFirstSheetValues() throws IOException {
        byte[] file = sample("leads.xlsx");
        FileFormat format = inspect(file, "leads.xlsx");

        List<SourceRecord> records = readAll(file, format);

        assertThat(format.kind()).isEqualTo(FileFormat.Kind.XLSX);
        assertThat(records).extracting(SourceRecord::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(records.get(0).values()).containsExactly("שם מלא", "טלפון", "אימייל", "תאריך יצירה", "הערות");
        assertThat(records.get(1).values().get(1)).isEqualTo("505123456");
        assertThat(records.get(1).values().get(3)).isEqualTo("2026-03-26T12:00");
        assertThat(records.get(2).values().get(3)).isEqualTo("2026-03-26T12:30");
        assertThat(records.get(3).values().get(1)).isEqualTo("972505345678");
        assertThat(records.get(4).values().get(1)).isEqualTo("0505456789");
        assertThat(records.get(5).isBlank()).isTrue();
        assertThat(records.get(6).values().get(0)).isEqualTo("מאיה אשכנזי");
    }

    @Test
    void readingStopsWhenVisitorDeclines() throws IOException {
        byte[] file = sample("leads.xlsx");
        List<SourceRecord> records = new ArrayList<>();

        LeadFiles.read(new ByteArrayInputStream(file), inspect(file, "leads.xlsx"), record -> records.add(record) && records.size() < 2);

        assertThat(records).hasSize(2);
    }

    @Test
    void semicolonAndUtf16BigEndianAreDetected() throws IOException {
        String text = "שם;טלפון\r\nדנה;050-2345678\r\n";
        byte[] bom = {(byte) 0xFE, (byte) 0xFF};
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] file = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        FileFormat format = inspect(file, "x.csv");

        assertThat(format.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(format.delimiter()).isEqualTo(';');
        assertThat(readAll(file, format).get(1).values()).containsExactly("דנה", "050-2345678");
    }

    @Test
    void blankLinesKeepRecordNumbers() throws IOException {
        byte[] file = "name,phone\nדנה,0502345678\n\nרון,0522345678\n".getBytes(StandardCharsets.UTF_8);

        FileFormat format = inspect(file, "x.csv");
        List<SourceRecord> records = readAll(file, format);

        assertThat(format.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(format.bomLength()).isZero();
        assertThat(records).extracting(SourceRecord::number).containsExactly(1, 2, 3, 4);
        assertThat(records.get(2).isBlank()).isTrue();
    }

    @Test
    void binaryExcelIsRejected() {
        byte[] file = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};

        assertThatThrownBy(() -> inspect(file, "old.xls"))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("intake.file.error.xls"));
    }

    private static FileFormat inspect(byte[] file, String name) {
        return FileInspector.inspect(Arrays.copyOf(file, Math.min(file.length, FileInspector.SAMPLE_SIZE)),
                file.length <= FileInspector.SAMPLE_SIZE, name);
    }

    private static List<SourceRecord> readAll(byte[] file, FileFormat format) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        LeadFiles.read(new ByteArrayInputStream(file), format, records::add);
        return records;
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream input = LeadFilesTest.class.getResourceAsStream("/samples/" + name)) {
            return input.readAllBytes();
        }
    }
}
