package io.cupboard.intake.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Detects a lead file's format from its first bytes. A ZIP signature means XLSX. Any other file
 * is text in UTF-8 (with or without BOM), in UTF-16LE/BE (with a BOM, as lead-ad platforms export,
 * or without one), or in a legacy encoding that juniversalchardet names. When it names none, the
 * file is read as Windows-1255, which Hebrew Excel saves as "CSV". The delimiter is the one of
 * comma, semicolon, tab and pipe that splits the first lines most consistently.
 */
public final class FileInspector {

    /** How many leading bytes {@link #inspect} needs to decide. */
    public static final int SAMPLE_SIZE = 64 * 1024;

    private static final Charset WINDOWS_1255 = Charset.forName("windows-1255");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int LINES_TO_COMPARE = 20;

    private FileInspector() {
    }

    /**
     * Returns the format of a file from its first bytes.
     *
     * @param sample   the first {@link #SAMPLE_SIZE} bytes, or the whole file when it is smaller
     * @param complete whether the sample is the whole file
     * @throws UnreadableFileException for an empty file, an old binary Excel file or a binary file
     */
    public static FileFormat inspect(byte[] sample, boolean complete, String fileName) {
        if (sample.length == 0) {
            throw new UnreadableFileException("intake.file.error.empty", "The file is empty");
        }
        if (startsWith(sample, 0x50, 0x4B, 0x03, 0x04)) {
            return FileFormat.xlsx();
        }
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException("intake.file.error.xls", "Binary Excel 97-2003 files are not supported");
        }
        String lowerName = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lowerName.endsWith(".xlsx") || lowerName.endsWith(".xls")) {
            throw new UnreadableFileException("intake.file.error.notXlsx", "The file is named as Excel but is no XLSX workbook");
        }

        Charset charset;
        int bom = 0;
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = detectWithoutBom(sample, complete);
        }
        String text = decodeLeniently(Arrays.copyOfRange(sample, bom, sample.length), charset);
        if (text.indexOf('\u0000') >= 0) {
            throw new UnreadableFileException("intake.file.error.binary", "The file contains NUL characters: not a text file");
        }
        return new FileFormat(FileFormat.Kind.CSV, charset, bom, detectDelimiter(text));
    }

    private static Charset detectWithoutBom(byte[] sample, boolean complete) {
        Charset utf16 = utf16ByZeroBytes(sample);
        if (utf16 != null) {
            return utf16;
        }
        if (isValidUtf8(sample, complete)) {
            return StandardCharsets.UTF_8;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, sample.length);
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected == null) {
            return WINDOWS_1255;
        }
        try {
            Charset charset = Charset.forName(detected);
            // Hebrew text in the visual ISO-8859-8 is read as logical Windows-1255, its superset.
            return charset.name().startsWith("ISO-8859-8") ? WINDOWS_1255 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return WINDOWS_1255;
        }
    }

    /** UTF-16 without a BOM has a zero byte in most pairs of Latin text: at odd offsets for LE, even for BE. */
    private static Charset utf16ByZeroBytes(byte[] sample) {
        int pairs = sample.length / 2;
        if (pairs < 4) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < sample.length; i += 2) {
            if (sample[i] == 0) {
                zeroEven++;
            }
            if (sample[i + 1] == 0) {
                zeroOdd++;
            }
        }
        if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Returns whether the sample decodes as UTF-8, ignoring a sequence cut off at the end of a partial sample. */
    private static boolean isValidUtf8(byte[] sample, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(sample);
        CharBuffer output = CharBuffer.allocate(sample.length);
        CoderResult result = decoder.decode(input, output, complete);
        if (result.isError()) {
            return false;
        }
        if (complete) {
            return !decoder.flush(output).isError();
        }
        return true;
    }

    private static String decodeLeniently(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("A replacing decoder reported an error", e);
        }
    }

    /**
     * Chooses the delimiter whose count outside quotes is the same, and not zero, on the most of
     * the first lines. The higher count in the header breaks ties. Comma wins when no candidate appears.
     */
    static char detectDelimiter(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).limit(LINES_TO_COMPARE).toList();
        if (lines.isEmpty()) {
            return ',';
        }
        char best = ',';
        int bestScore = 0;
        int bestHeaderCount = 0;
        for (char delimiter : DELIMITERS) {
            int headerCount = countOutsideQuotes(lines.get(0), delimiter);
            if (headerCount == 0) {
                continue;
            }
            int score = 0;
            for (String line : lines) {
                if (countOutsideQuotes(line, delimiter) == headerCount) {
                    score++;
                }
            }
            if (score > bestScore || (score == bestScore && headerCount > bestHeaderCount)) {
                best = delimiter;
                bestScore = score;
                bestHeaderCount = headerCount;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
