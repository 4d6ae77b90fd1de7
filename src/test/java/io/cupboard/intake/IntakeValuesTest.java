package io.cupboard.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.cupboard.lead.ConsentBasis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cleaning, parsing and validation of single values, without a database. */
class IntakeValuesTest {

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");
    private static final IntakeSource INBOUND = new IntakeSource(1, "web", "Web", IntakeSource.Direction.INBOUND, true, Map.of(),
            Instant.EPOCH, 0);
    private static final IntakeSource OUTBOUND = new IntakeSource(2, "list", "List", IntakeSource.Direction.OUTBOUND, true,
            Map.of(), Instant.EPOCH, 0);

    private final LeadValidator validator = new LeadValidator(ISRAEL);

    @Test
    void cleanerRemovesBidiMarksAndControls() {
        assertThat(ValueCleaner.clean("\u200Fאלה ג׳אבר \u200F")).isEqualTo("אלה ג׳אבר");
        assertThat(ValueCleaner.clean("שורה\u0007ראשונה\r\nשנייה")).isEqualTo("שורה ראשונה שנייה");
        assertThat(ValueCleaner.clean("\u202Eabc\u202C")).isEqualTo("abc");
        assertThat(ValueCleaner.clean(" \u00A0 ")).isNull();
    }

    @Test
    void cleanerKeepsEmojiNiqqudAndQuotes() {
        assertThat(ValueCleaner.clean("אֱלִיאוֹר 👨‍👩‍👧 \"חם\" ג׳")).isEqualTo("אֱלִיאוֹר 👨‍👩‍👧 \"חם\" ג׳");
    }

    @Test
    void cleanerDropsFormulaGuardOfRejectedDownload() {
        assertThat(ValueCleaner.clean("'=HYPERLINK(1)")).isEqualTo("=HYPERLINK(1)");
        assertThat(ValueCleaner.clean("'quoted'")).isEqualTo("'quoted'");
        assertThat(ValueCleaner.clean("  '+972501234567 ")).isEqualTo("+972501234567");
        assertThat(ValueCleaner.clean("'\u200F=1")).isEqualTo("=1");
    }

    @Test
    void cleanerLeavesPlainValuesAsTheyAre() {
        assertThat(ValueCleaner.clean("  דנה כהן  ")).isEqualTo("דנה כהן");
        assertThat(ValueCleaner.clean("dana@example.com")).isEqualTo("dana@example.com");
        assertThat(ValueCleaner.clean("'")).isEqualTo("'");
        assertThat(ValueCleaner.clean("\u2007050\u202F1234567")).isEqualTo("050 1234567");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-26T14:05:11+02:00 | 2026-03-26T12:05:11Z",
            "2022-02-03T16:16:51+0000 | 2022-02-03T16:16:51Z",
            "2024-09-26T12:30:00Z | 2024-09-26T12:30:00Z",
            "2026-03-26T12:00 | 2026-03-26T10:00:00Z",
            "2026-03-27 09:00:00 | 2026-03-27T06:00:00Z",
            "26/03/2026 14:05 | 2026-03-26T12:05:00Z",
            "26/03/2026 | 2026-03-25T22:00:00Z",
            "1/7/2026 9:30 | 2026-07-01T06:30:00Z",
            "26.03.2026 14:05 | 2026-03-26T12:05:00Z"})
    void inquiryTimesParseWithOffsetOrIsraeliWallTime(String text, String expected) {
        assertThat(InquiryTimes.parse(text, ISRAEL)).contains(Instant.parse(expected));
    }

    @Test
    void inquiryTimeRejectsText() {
        assertThat(InquiryTimes.parse("yesterday", ISRAEL)).isEmpty();
        assertThat(InquiryTimes.parse("31/02/2026", ISRAEL)).isEmpty();
    }

    @Test
    void headersMapBySynonymsInHebrewAndEnglish() {
        ColumnMapping mapping = ColumnMapping.propose(
                List.of("\uFEFFשם מלא", "נייד", "E-Mail", "Lead ID", "created_time", "עיר", "Campaign Name", "xyz"), Map.of());

        assertThat(mapping.column(LeadField.FULL_NAME)).isZero();
        assertThat(mapping.column(LeadField.PHONE)).isEqualTo(1);
        assertThat(mapping.column(LeadField.EMAIL)).isEqualTo(2);
        assertThat(mapping.column(LeadField.EXTERNAL_ID)).isEqualTo(3);
        assertThat(mapping.column(LeadField.CREATED_AT)).isEqualTo(4);
        assertThat(mapping.column(LeadField.CITY)).isEqualTo(5);
        assertThat(mapping.column(LeadField.CAMPAIGN)).isEqualTo(6);
        assertThat(mapping.columns()).hasSize(7);
    }

    @Test
    void rememberedHeaderWinsOverSynonym() {
        ColumnMapping mapping = ColumnMapping.propose(List.of("phone", "Mobile of client"),
                Map.of(LeadField.PHONE, "Mobile of client"));

        assertThat(mapping.column(LeadField.PHONE)).isEqualTo(1);
        assertThat(mapping.column(LeadField.ALTERNATE_PHONE)).isNull();
    }

    @Test
    void validLeadIsNormalized() {
        LeadValidator.Result result = validator.validate(input(Map.of(LeadField.FIRST_NAME, " דנה ", LeadField.LAST_NAME, "לוי",
                LeadField.PHONE, "p:+972523456789", LeadField.EXTERNAL_ID, "l:1200000000000001", LeadField.PREFERRED_LANGUAGE, "ערבית",
                LeadField.CREATED_AT, "2026-03-26T14:05:11+02:00")), INBOUND);

        assertThat(result.isValid()).isTrue();
        assertThat(result.lead().contact().fullName()).isEqualTo("דנה לוי");
        assertThat(result.lead().contact().phone().e164()).isEqualTo("+972523456789");
        assertThat(result.lead().contact().externalId()).isEqualTo("1200000000000001");
        assertThat(result.lead().contact().preferredLanguage()).isEqualTo("ar");
        assertThat(result.lead().contact().consentBasis()).isEqualTo(ConsentBasis.INBOUND);
        assertThat(result.lead().inquiredAt()).isEqualTo(Instant.parse("2026-03-26T12:05:11Z"));
    }

    @Test
    void consentOverridesOutboundSource() {
        assertThat(validator.validate(input(Map.of(LeadField.PHONE, "0502345678")), OUTBOUND).lead().contact().consentBasis())
                .isEqualTo(ConsentBasis.OUTBOUND);
        assertThat(validator.validate(input(Map.of(LeadField.PHONE, "0502345678", LeadField.CONSENT, "כן")), OUTBOUND)
                .lead().contact().consentBasis()).isEqualTo(ConsentBasis.CONSENT);
    }

    @Test
    void problemsNameFieldAndReason() {
        LeadValidator.Result result = validator.validate(input(Map.of(LeadField.PHONE, "9.72523E+11", LeadField.EMAIL, "a@b",
                LeadField.CITY, "x".repeat(101))), INBOUND);

        assertThat(result.problems()).containsExactlyInAnyOrder(
                new FieldProblem(LeadField.CITY, RejectionReason.TOO_LONG),
                new FieldProblem(LeadField.PHONE, RejectionReason.PHONE_SCIENTIFIC_NOTATION),
                new FieldProblem(LeadField.EMAIL, RejectionReason.EMAIL_INVALID));
    }

    @Test
    void nameOrPhoneIsRequired() {
        assertThat(validator.validate(input(Map.of(LeadField.EMAIL, "dana@example.com")), INBOUND).problems())
                .containsExactly(new FieldProblem(null, RejectionReason.NAME_OR_PHONE_REQUIRED));
        assertThat(validator.validate(input(Map.of(LeadField.FULL_NAME, "דנה")), INBOUND).isValid()).isTrue();
    }

    @Test
    void metaTestLeadIsRejected() {
        LeadValidator.Result result = validator.validate(input(Map.of(LeadField.FULL_NAME, "<test lead: dummy data for full_name>",
                LeadField.PHONE, "<test lead: dummy data for phone_number>")), INBOUND);

        assertThat(result.firstProblem().reason()).isEqualTo(RejectionReason.TEST_LEAD);
    }

    @Test
    void rejectedDownloadGuardsFormulasButNotPhones() {
        assertThat(RejectedRows.guard("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(RejectedRows.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RejectedRows.guard("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(RejectedRows.guard("\t=1")).isEqualTo("'\t=1");
        assertThat(RejectedRows.guard("+972 54 223 3445")).isEqualTo("+972 54 223 3445");
        assertThat(RejectedRows.guard("דנה")).isEqualTo("דנה");
    }

    private static LeadInput input(Map<LeadField, String> values) {
        return new LeadInput(values);
    }
}
