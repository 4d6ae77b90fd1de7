package io.cupboard.intake.file;

import java.nio.charset.Charset;

/**
 * The storage form of a lead file: a delimited text file with its character encoding and delimiter,
 * or an Excel workbook.
 *
 * @param charset   the text encoding, or null for XLSX
 * @param bomLength bytes of the byte order mark at the start of a text file, which reading skips
 * @param delimiter the field delimiter of a text file
 */
public record FileFormat(Kind kind, Charset charset, int bomLength, char delimiter) {

    public enum Kind {
        CSV, XLSX
    }

    public static FileFormat xlsx() {
        return new FileFormat(Kind.XLSX, null, 0, ',');
    }

    /** Returns the delimiter as people name it: comma, semicolon, tab or pipe. */
    public String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "comma";
        };
    }
}
