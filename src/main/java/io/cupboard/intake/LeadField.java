package io.cupboard.intake;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lead fields that a file column or an API property can fill, with each field's maximum length.
 * The synonyms are the header names that Hebrew and English exports use for the field (Meta Lead
 * Ads, Google Ads, Salesforce, HubSpot, Excel sheets typed by hand).
 */
public enum LeadField {
    FULL_NAME(200, "full_name", "fullname", "name", "full name", "lead name", "contact name", "customer name",
            "שם", "שם מלא", "שם הלקוח", "שם לקוח", "שם הפונה", "שם ומשפחה"),
    FIRST_NAME(100, "first_name", "firstname", "first name", "given name", "שם פרטי"),
    LAST_NAME(100, "last_name", "lastname", "last name", "surname", "family name", "שם משפחה"),
    PHONE(40, "phone", "phone_number", "phonenumber", "phone number", "mobile", "mobilephone", "mobile phone",
            "mobile phone number", "mobile number", "cell", "cellphone", "cell phone", "tel", "telephone",
            "טלפון", "נייד", "טלפון נייד", "מספר טלפון", "מספר נייד", "פלאפון", "סלולרי", "טל"),
    ALTERNATE_PHONE(40, "alternate_phone", "alt_phone", "alternate phone", "other phone", "phone 2", "phone2", "work_phone",
            "work phone", "home phone", "טלפון נוסף", "טלפון 2", "טלפון בבית", "טלפון בעבודה"),
    EMAIL(254, "email", "e-mail", "email address", "e-mail address", "mail", "work_email",
            "אימייל", "מייל", "דוא\"ל", "דואל", "דוא״ל", "דואר אלקטרוני", "כתובת מייל"),
    CITY(100, "city", "town", "עיר", "יישוב", "ישוב", "עיר מגורים", "מקום מגורים"),
    CAMPAIGN(200, "campaign", "campaign_name", "campaign name", "utm_campaign", "קמפיין", "שם קמפיין"),
    EXTERNAL_ID(200, "id", "lead_id", "leadid", "lead id", "external_id", "external id", "record id", "contact id",
            "vendor_lead_code", "מזהה", "מזהה ליד"),
    CREATED_AT(40, "created_time", "created_at", "createdate", "create date", "created date", "created", "date",
            "lead_submit_time", "submission_date_time", "submitted at", "תאריך", "תאריך יצירה", "תאריך פנייה",
            "מועד פנייה", "תאריך הרשמה"),
    NOTES(2000, "notes", "note", "comments", "comment", "description", "message", "הערות", "הערה", "תיאור", "הודעה"),
    PREFERRED_LANGUAGE(20, "preferred_language", "language", "preferred language", "locale", "שפה", "שפה מועדפת"),
    CONSENT(20, "consent", "opt_in", "optin", "marketing consent", "הסכמה", "הסכמה לדיוור", "אישור דיוור");

    private final int maxLength;
    private final List<String> synonyms;

    LeadField(int maxLength, String... synonyms) {
        this.maxLength = maxLength;
        this.synonyms = List.of(synonyms).stream().map(LeadField::normalizeHeader).toList();
    }

    public int maxLength() {
        return maxLength;
    }

    /** Returns the message key of the field's label. */
    public String messageKey() {
        return "intake.field." + name();
    }

    /** Returns the API property that carries this field, such as {@code fullName}. */
    public String property() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder property = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            property.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return property.toString();
    }

    /** Returns whether a header names this field, ignoring case, separators and Hebrew punctuation variants. */
    public boolean matchesHeader(String header) {
        return synonyms.contains(normalizeHeader(header));
    }

    static String normalizeHeader(String header) {
        if (header == null) {
            return "";
        }
        String cleaned = ValueCleaner.clean(header);
        String text = Normalizer.normalize(cleaned == null ? "" : cleaned, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('״', '"')
                .replace('׳', '\'');
        return HeaderSeparators.PATTERN.matcher(text).replaceAll(" ").strip();
    }

    /** Holds the pattern outside the enum, whose constants are built before its static fields. */
    private static final class HeaderSeparators {

        static final Pattern PATTERN = Pattern.compile("[\\s_\\-.:]+");
    }
}
