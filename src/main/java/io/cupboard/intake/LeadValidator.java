package io.cupboard.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.cupboard.lead.ConsentBasis;
import io.cupboard.lead.InvalidPhoneNumberException;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * Validates and normalizes one lead from a file record or an API request. A name or a phone is
 * required, and a phone must be a valid number (region IL by default). Text fields have length
 * limits, and control characters and bidi marks are removed from every value.
 */
@Component
public class LeadValidator {

    /** Platform prefixes of ids in Meta exports: lead, ad, ad set, campaign and form. */
    private static final Pattern ID_PREFIX = Pattern.compile("^(?:l|ag|as|c|f):");
    private static final Pattern TEST_LEAD = Pattern.compile("^<test lead:.*>$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("^[a-z]{2}$");
    private static final Map<String, String> LANGUAGE_NAMES = Map.ofEntries(
            Map.entry("עברית", "he"), Map.entry("hebrew", "he"), Map.entry("אנגלית", "en"), Map.entry("english", "en"),
            Map.entry("ערבית", "ar"), Map.entry("arabic", "ar"), Map.entry("רוסית", "ru"), Map.entry("russian", "ru"),
            Map.entry("אמהרית", "am"), Map.entry("amharic", "am"), Map.entry("צרפתית", "fr"), Map.entry("french", "fr"),
            Map.entry("ספרדית", "es"), Map.entry("spanish", "es"));

    private final ZoneId zone;

    LeadValidator(ZoneId centerZone) {
        this.zone = centerZone;
    }

    /** The validated lead, or every problem found. */
    public record Result(ValidLead lead, List<FieldProblem> problems) {

        public boolean isValid() {
            return lead != null;
        }

        /** Returns the first problem, which a file report shows. */
        public FieldProblem firstProblem() {
            return problems.get(0);
        }
    }

    public Result validate(LeadInput input, IntakeSource source) {
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        input.values().forEach((field, raw) -> {
            String value = ValueCleaner.clean(raw);
            if (value != null) {
                values.put(field, value);
            }
        });
        if (values.values().stream().anyMatch(value -> TEST_LEAD.matcher(value).matches())) {
            return new Result(null, List.of(new FieldProblem(null, RejectionReason.TEST_LEAD)));
        }
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((field, value) -> {
            if (value.length() > field.maxLength()) {
                problems.add(new FieldProblem(field, RejectionReason.TOO_LONG));
            }
        });

        String name = fullName(values);
        if (name != null && name.length() > LeadField.FULL_NAME.maxLength() && !values.containsKey(LeadField.FULL_NAME)) {
            problems.add(new FieldProblem(LeadField.FULL_NAME, RejectionReason.TOO_LONG));
        }
        PhoneNumber phone = phone(values.get(LeadField.PHONE), LeadField.PHONE, problems);
        PhoneNumber alternatePhone = phone(values.get(LeadField.ALTERNATE_PHONE), LeadField.ALTERNATE_PHONE, problems);
        if (name == null && !values.containsKey(LeadField.PHONE)) {
            problems.add(new FieldProblem(null, RejectionReason.NAME_OR_PHONE_REQUIRED));
        }
        String email = values.get(LeadField.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem(LeadField.EMAIL, RejectionReason.EMAIL_INVALID));
        }
        Instant inquiredAt = null;
        String created = values.get(LeadField.CREATED_AT);
        if (created != null) {
            Optional<Instant> parsed = InquiryTimes.parse(created, zone);
            if (parsed.isEmpty()) {
                problems.add(new FieldProblem(LeadField.CREATED_AT, RejectionReason.DATE_INVALID));
            } else {
                inquiredAt = parsed.get();
            }
        }
        String language = language(values.get(LeadField.PREFERRED_LANGUAGE), problems);
        ConsentBasis basis = consent(values.get(LeadField.CONSENT), source, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }

        LeadContact contact = new LeadContact(name, phone, alternatePhone, email, values.get(LeadField.CITY), language, source.code(),
                values.get(LeadField.CAMPAIGN), externalId(values.get(LeadField.EXTERNAL_ID)), basis);
        return new Result(new ValidLead(contact, inquiredAt, values.get(LeadField.NOTES)), List.of());
    }

    private static String fullName(Map<LeadField, String> values) {
        String full = values.get(LeadField.FULL_NAME);
        if (full != null) {
            return full;
        }
        String first = values.get(LeadField.FIRST_NAME);
        String last = values.get(LeadField.LAST_NAME);
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private static PhoneNumber phone(String raw, LeadField field, List<FieldProblem> problems) {
        if (raw == null) {
            return null;
        }
        try {
            return PhoneNumber.parse(raw);
        } catch (InvalidPhoneNumberException e) {
            problems.add(new FieldProblem(field, switch (e.reason()) {
                case SCIENTIFIC_NOTATION -> RejectionReason.PHONE_SCIENTIFIC_NOTATION;
                case NOT_A_NUMBER, MISSING -> RejectionReason.PHONE_NOT_A_NUMBER;
                case INVALID -> RejectionReason.PHONE_INVALID;
            }));
            return null;
        }
    }

    private static String language(String value, List<FieldProblem> problems) {
        if (value == null) {
            return "he";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String code = LANGUAGE_NAMES.getOrDefault(lower, lower.length() > 2 && lower.charAt(2) == '-' ? lower.substring(0, 2) : lower);
        if (!LANGUAGE_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(LeadField.PREFERRED_LANGUAGE, RejectionReason.LANGUAGE_INVALID));
            return null;
        }
        return code;
    }

    /** Recorded consent makes any lead callable; otherwise the source's direction decides. */
    private static ConsentBasis consent(String value, IntakeSource source, List<FieldProblem> problems) {
        if (value == null) {
            return source.direction().consentBasis();
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "כן", "v", "✓" -> {
                return ConsentBasis.CONSENT;
            }
            case "false", "0", "no", "n", "לא" -> {
                return source.direction().consentBasis();
            }
            default -> {
                problems.add(new FieldProblem(LeadField.CONSENT, RejectionReason.CONSENT_INVALID));
                return null;
            }
        }
    }

    private static String externalId(String value) {
        return value == null ? null : ID_PREFIX.matcher(value).replaceFirst("");
    }
}
