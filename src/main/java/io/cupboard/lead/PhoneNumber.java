package io.cupboard.lead;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A valid phone number in E.164 form with its display form: Israeli numbers in the national form
 * ({@code 050-234-5678}, {@code 03-512-3456}), foreign ones in the international form.
 *
 * @param e164    the number as {@code +972502345678}
 * @param display the number as people in Israel write it
 */
public record PhoneNumber(String e164, String display) {

    public static final String DEFAULT_REGION = "IL";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Bidi marks and overrides, zero-width characters and the byte order mark, which spreadsheets and forms leave around numbers. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern NO_BREAK_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F]");
    /**
     * Excel's scientific notation: {@code 9.72523E+11} keeps six significant digits, so the others
     * are lost. Groups: integer digits, fraction digits, exponent sign, exponent.
     */
    private static final Pattern SCIENTIFIC = Pattern.compile("^[+-]?(\\d+)(?:[.,](\\d+))?[eE]([+-]?)(\\d+)$");
    /** A number that a spreadsheet or script turned into a decimal, such as {@code 505123456.0}. */
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("^(\\d+)[.,]0+$");
    /** Lead-ad prefixes ({@code p:}), {@code tel:} URIs and Excel's text marker, a leading apostrophe. */
    private static final Pattern PLATFORM_PREFIX = Pattern.compile("^\\s*(?:p:|tel:|')", Pattern.CASE_INSENSITIVE);

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(display, "display");
    }

    /**
     * Parses a number as people and exports write it, with {@code IL} as the default region.
     *
     * @throws InvalidPhoneNumberException with the reason when the text is not a valid number
     */
    public static PhoneNumber parse(String raw) {
        return parse(raw, DEFAULT_REGION);
    }

    public static PhoneNumber parse(String raw, String defaultRegion) {
        String cleaned = clean(raw);
        if (cleaned.isEmpty()) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.MISSING, raw);
        }
        cleaned = repairSpreadsheetNumber(cleaned, raw);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(cleaned, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.NOT_A_NUMBER, raw);
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.INVALID, raw);
        }
        String e164 = UTIL.format(parsed, PhoneNumberFormat.E164);
        boolean domestic = defaultRegion.equals(UTIL.getRegionCodeForNumber(parsed));
        String display = UTIL.format(parsed, domestic ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        return new PhoneNumber(e164, display);
    }

    /** Parses a number, or returns empty when it is missing or invalid. */
    public static Optional<PhoneNumber> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    /** Returns the display form of a stored E.164 number, or the number itself if it no longer parses. */
    public static String displayOf(String e164) {
        if (e164 == null) {
            return "";
        }
        return tryParse(e164).map(PhoneNumber::display).orElse(e164);
    }

    /** Returns the {@code tel:} form used by click-to-call links. */
    public String telUri() {
        return "tel:" + e164;
    }

    /**
     * Undoes what spreadsheets do to numbers where no digit was lost. Scientific notation keeps
     * every digit only when its fraction has exactly as many digits as the exponent
     * ({@code 9.72505345678E+11}); with fewer, the trailing digits are gone, and libphonenumber would
     * still turn what is left into a valid-looking number, so such text is rejected. A lost leading
     * zero needs no repair here: libphonenumber reads {@code 502345678} as the national number.
     */
    private static String repairSpreadsheetNumber(String cleaned, String raw) {
        Matcher wholeDecimal = WHOLE_DECIMAL.matcher(cleaned);
        if (wholeDecimal.matches()) {
            return wholeDecimal.group(1);
        }
        Matcher scientific = SCIENTIFIC.matcher(cleaned);
        if (!scientific.matches()) {
            return cleaned;
        }
        String fraction = scientific.group(2) == null ? "" : scientific.group(2);
        boolean negativeExponent = "-".equals(scientific.group(3));
        if (negativeExponent || scientific.group(4).length() > 2 || fraction.length() != Integer.parseInt(scientific.group(4))) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.SCIENTIFIC_NOTATION, raw);
        }
        return scientific.group(1) + fraction;
    }

    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = INVISIBLE.matcher(raw).replaceAll("");
        text = NO_BREAK_SPACES.matcher(text).replaceAll(" ");
        text = PLATFORM_PREFIX.matcher(text).replaceFirst("");
        return toAsciiDigits(text).strip();
    }

    /** Maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII, which libphonenumber may not do for every input form. */
    private static String toAsciiDigits(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                result.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                result.append((char) ('0' + (c - '\u06F0')));
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
