package io.cupboard.lead;

/**
 * A lead's contact details and origin as they arrive: from a form, an import or the intake API.
 */
public record LeadContact(
        String fullName,
        PhoneNumber phone,
        PhoneNumber alternatePhone,
        String email,
        String city,
        String preferredLanguage,
        String source,
        String campaign,
        String externalId,
        ConsentBasis consentBasis) {

    public LeadContact {
        fullName = blankToNull(fullName);
        email = blankToNull(email);
        city = blankToNull(city);
        source = blankToNull(source);
        campaign = blankToNull(campaign);
        externalId = blankToNull(externalId);
        if (fullName == null && phone == null && email == null) {
            throw new IllegalArgumentException("A lead needs a name, a phone or an e-mail");
        }
    }

    /** Returns a contact with a name and a phone only, from the given source. */
    public static LeadContact of(String fullName, PhoneNumber phone, String source) {
        return new LeadContact(fullName, phone, null, null, null, "he", source, null, null, ConsentBasis.INBOUND);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
