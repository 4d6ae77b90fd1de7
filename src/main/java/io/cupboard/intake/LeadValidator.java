package io.cupboard.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * Validates and normalizes one lead from a file record or an API request: a name or a phone is
 * required, a phone must be a valid number (region IL by default), text fields have length limits,
 * and control characters and bidi marks are removed from every value.
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
        List<FieldProblem> problems = new ArrayList<>();
        if (isTestLead(input)) {
            return new Result(null, List.of(new FieldProblem(null, RejectionReason.TEST_LEAD)));
        }
        for (LeadField field : LeadField.values()) {
            String value = ValueCleaner.clean(input.get(field));
            if (value != null && value.length() > field.maxLength()) {
                problems.add(new FieldProblem(field, RejectionReason.TOO_LONG));
            }
        }

        String name = fullName(input);
        if (name != null && name.length() > LeadField.FULL_NAME.maxLength()) {
            problems.add(new FieldProblem(LeadField.FULL_NAME, RejectionReason.TOO_LONG));
        }
        PhoneNumber phone = phone(input, LeadField.PHONE, problems);
        PhoneNumber alternatePhone = phone(input, LeadField.ALTERNATE_PHONE, problems);
        if (name == null && ValueCleaner.clean(input.get(LeadField.PHONE)) == null) {
            problems.add(new FieldProblem(null, RejectionReason.NAME_OR_PHONE_REQUIRED));
        }
        String email = ValueCleaner.clean(input.get(LeadField.EMAIL));
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem(LeadField.EMAIL, RejectionReason.EMAIL_INVALID));
        }
        Instant inquiredAt = null;
        String created = ValueCleaner.clean(input.get(LeadField.CREATED_AT));
        if (created != null) {
            Optional<Instant> parsed = InquiryTimes.parse(created, zone);
            if (parsed.isEmpty()) {
                problems.add(new FieldProblem(LeadField.CREATED_AT, RejectionReason.DATE_INVALID));
            } else {
                inquiredAt = parsed.get();
            }
        }
        String language = language(input, problems);
        ConsentBasis basis = consent(input, source, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }

        LeadContact contact = new LeadContact(name, phone, alternatePhone, email,
                ValueCleaner.clean(input.get(LeadField.CITY)), language, source.code(),
                ValueCleaner.clean(input.get(LeadField.CAMPAIGN)), externalId(input), basis);
        return new Result(new ValidLead(contact, inquiredAt, ValueCleaner.clean(input.get(LeadField.NOTES))), List.of());
    }

    private static boolean isTestLead(LeadInput input) {
        return input.values().values().stream()
                .map(ValueCleaner::clean)
                .anyMatch(value -> value != null && TEST_LEAD.matcher(value).matches());
    }

    private static String fullName(LeadInput input) {
        String full = ValueCleaner.clean(input.get(LeadField.FULL_NAME));
        if (full != null) {
            return full;
        }
        String first = ValueCleaner.clean(input.get(LeadField.FIRST_NAME));
        String last = ValueCleaner.clean(input.get(LeadField.LAST_NAME));
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private static PhoneNumber phone(LeadInput input, LeadField field, List<FieldProblem> problems) {
        String raw = ValueCleaner.clean(input.get(field));
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

    private static String language(LeadInput input, List<FieldProblem> problems) {
        String value = ValueCleaner.clean(input.get(LeadField.PREFERRED_LANGUAGE));
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
    private static ConsentBasis consent(LeadInput input, IntakeSource source, List<FieldProblem> problems) {
        String value = ValueCleaner.clean(input.get(LeadField.CONSENT));
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

    private static String externalId(LeadInput input) {
        String value = ValueCleaner.clean(input.get(LeadField.EXTERNAL_ID));
        return value == null ? null : ID_PREFIX.matcher(value).replaceFirst("");
    }
}
