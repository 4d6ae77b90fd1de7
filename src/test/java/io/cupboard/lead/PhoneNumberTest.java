package io.cupboard.lead;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"050-2345678", "0502345678", "(050) 234-5678", "050 234 5678", "+972-50-234-5678", "972502345678",
            "00972502345678", "+972 (0) 50-234-5678", "+9720502345678", "502345678", "tel:+972-50-234-5678", "p:+972502345678",
            "\u200F050-2345678\u200F", "050\u00A0234\u00A05678", "٠٥٠٢٣٤٥٦٧٨", "'0502345678", "502345678.0", "9.72502345678E+11"})
    void israeliMobileFormsNormalizeToOneNumber(String written) {
        PhoneNumber phone = PhoneNumber.parse(written);

        assertThat(phone.e164()).isEqualTo("+972502345678");
        assertThat(phone.display()).isEqualTo("050-234-5678");
    }

    @ParameterizedTest
    @CsvSource({"03-5123456, +97235123456, 03-512-3456", "02 6234567, +97226234567, 02-623-4567",
            "077-1234567, +972771234567, 077-123-4567", "35123456, +97235123456, 03-512-3456"})
    void landlinesAndVoipKeepIsraeliDisplay(String written, String e164, String display) {
        PhoneNumber phone = PhoneNumber.parse(written);

        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.display()).isEqualTo(display);
    }

    @Test
    void scientificNotationWithLostDigitsIsRejected() {
        assertThatThrownBy(() -> PhoneNumber.parse("9.72523E+11"))
                .isInstanceOfSatisfying(InvalidPhoneNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidPhoneNumberException.Reason.SCIENTIFIC_NOTATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.7250234567E+11", "5.02345678E-3", "9,72523E+11"})
    void ambiguousScientificNotationIsRejected(String written) {
        assertThatThrownBy(() -> PhoneNumber.parse(written))
                .isInstanceOfSatisfying(InvalidPhoneNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidPhoneNumberException.Reason.SCIENTIFIC_NOTATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*2700", "12", "050-123", "<test lead: dummy data for phone_number>"})
    void nonNumbersAreRejected(String written) {
        assertThatThrownBy(() -> PhoneNumber.parse(written)).isInstanceOf(InvalidPhoneNumberException.class);
    }

    @Test
    void errorMessageHoldsNoDigits() {
        assertThatThrownBy(() -> PhoneNumber.parse("050-123"))
                .hasMessageNotContaining("050");
    }
}
